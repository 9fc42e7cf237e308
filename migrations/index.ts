export { dataSourceOptions } from './data-source';
export { MIGRATIONS } from './list';
export { revertLastMigration, runMigrations } from './run-migrations';
export { schemaDrift, type SchemaDrift } from './schema-drift';
