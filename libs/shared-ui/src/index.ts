export * from './lib/page-header/page-header';
export * from './lib/error-message/error-message';
export * from './lib/loading/loading';
export * from './lib/paged-table/paged-table';
