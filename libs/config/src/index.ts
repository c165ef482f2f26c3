export * from './config-error';
export * from './variables';
export * from './read-config';
export * from './common';
