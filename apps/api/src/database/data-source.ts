import 'reflect-metadata';
import { dataSourceOptions } from '@mentor/migrations';
import { DataSource, type DataSourceOptions, type Logger } from 'typeorm';
import { ENTITIES } from './entities';

/** The API's TypeORM options: the shared configuration with the API's entities (and pool size). */
export function appDataSourceOptions(url: string, logger?: Logger, poolSize?: number): DataSourceOptions {
  const shared = dataSourceOptions(url, ENTITIES);
  const options = poolSize
    ? ({ ...shared, extra: { ...shared.extra, max: poolSize } } as DataSourceOptions)
    : shared;
  return logger ? { ...options, logging: ['query'], logger } : options;
}

/** For TypeORM's own CLI (`typeorm -d`): reads DATABASE_URL. */
export default new DataSource(appDataSourceOptions(process.env['DATABASE_URL'] ?? ''));
