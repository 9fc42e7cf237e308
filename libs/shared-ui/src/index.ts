export * from './lib/page-header/page-header';
export * from './lib/error-message/error-message';
export * from './lib/loading/loading';
export * from './lib/paged-table/paged-table';
export * from './lib/budget-bar/budget-bar';
export * from './lib/flag-chips/flag-chips';
export * from './lib/week-chart/week-chart';
export * from './lib/chip-group/chip-group';
