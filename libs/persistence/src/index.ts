export * from './data-source';
export * from './connect';
export * from './migrate';
export * from './embedded-postgres';
export * from './like-pattern';
export * from './retention-task';
