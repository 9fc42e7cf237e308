import type { DataSource } from 'typeorm';

export interface SchemaDrift {
  up: string[];
  down: string[];
}

/** The SQL that would bring the database in line with the entities: empty when they agree. */
export async function schemaDrift(dataSource: DataSource): Promise<SchemaDrift> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return {
    up: log.upQueries.map((q) => q.query),
    down: log.downQueries.map((q) => q.query).reverse(),
  };
}
