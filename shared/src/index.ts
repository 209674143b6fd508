export * from './errors';
export * from './health';
export * from './auth';
export * from './money';
export * from './time';
export * from './customers';
export * from './config';
export * from './demo';
