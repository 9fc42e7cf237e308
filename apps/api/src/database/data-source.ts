import 'reflect-metadata';
import { dataSourceOptions } from '@mentor/migrations';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';

/** The API's TypeORM options: the shared configuration with the API's entities. */
export function appDataSourceOptions(url: string): DataSourceOptions {
  return dataSourceOptions(url, ENTITIES);
}

/** For TypeORM's own CLI (`typeorm -d`): reads DATABASE_URL. */
export default new DataSource(appDataSourceOptions(process.env['DATABASE_URL'] ?? ''));
