import type { DataSourceOptions, EntitySchema, MixedList } from 'typeorm';
import { MIGRATIONS } from './list';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own entity list type
type Entities = MixedList<Function | string | EntitySchema>;

/**
 * The one TypeORM configuration, used by the app, the migration CLI and the tests; the API passes
 * its entity list (apps/api/src/database/entities.ts).
 */
export function dataSourceOptions(url: string, entities: Entities): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    // gen_random_uuid() is built into PostgreSQL 13+, so no extension is needed.
    uuidExtension: 'pgcrypto',
    // The schema changes only through migrations.
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: { max: 20, connectionTimeoutMillis: 5000 },
  };
}
