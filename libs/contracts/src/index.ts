export * from './services';
export * from './topology';
export * from './messages/define';
export * from './messages/catalog';
export * from './messages/system.messages';
export * from './messages/search.messages';
export * from './messages/drafting.messages';
export * from './version';
