export * from './api-error';
export * from './permissions';
