export * from './accounts';
export * from './auth';
export * from './installation';
export * from './mail';
export * from './outbox';
export * from './platform-apps';
export * from './users';
