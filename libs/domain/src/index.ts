export * from './lib/roles';
export * from './lib/permissions';
export * from './lib/limits';
export * from './lib/organisation';
export * from './lib/api-types';
export * from './lib/pagination';
