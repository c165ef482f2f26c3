export * from './services';
export * from './wait-for';
export * from './tcp-proxy';
