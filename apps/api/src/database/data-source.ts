import 'reflect-metadata';
import { dataSourceOptions } from '@mentor/migrations';
import { DataSource, type DataSourceOptions, type Logger } from 'typeorm';
import { ENTITIES } from './entities';
import { ResilientPgClient } from './pg-client';

/** The API's TypeORM options: the shared configuration with the API's entities, pool size and client class. */
export function appDataSourceOptions(url: string, logger?: Logger, poolSize?: number): DataSourceOptions {
  const shared = dataSourceOptions(url, ENTITIES);
  const extra = { ...shared.extra, Client: ResilientPgClient, ...(poolSize ? { max: poolSize } : {}) };
  const options = { ...shared, extra } as DataSourceOptions;
  return logger ? { ...options, logging: ['query'], logger } : options;
}

/** For TypeORM's own CLI (`typeorm -d`): reads DATABASE_URL. */
export default new DataSource(appDataSourceOptions(process.env['DATABASE_URL'] ?? ''));
