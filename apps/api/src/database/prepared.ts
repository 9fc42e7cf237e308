import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

const names = new Map<string, string>();

/**
 * Runs a statement as a named prepared statement: PostgreSQL parses and plans it once per
 * connection instead of on every request, which for the busiest routes costs more than executing
 * it. Only for statements whose text comes from a bounded set (built from code, never from input);
 * values always go as parameters. (Behind a transaction-mode pooler, such as PgBouncer, this needs
 * its prepared-statement support, `max_prepared_statements`.)
 */
export function queryPrepared<T>(
  db: DataSource | EntityManager,
  text: string,
  values: unknown[],
): Promise<T[]> {
  let name = names.get(text);
  if (!name) {
    name = `s_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  // node-postgres takes a { name, text } config where TypeORM passes its SQL string through.
  return db.query({ name, text } as unknown as string, values);
}

/** The SQL text of what queryPrepared hands to TypeORM, for loggers. */
export function statementText(query: string | { text: string }): string {
  return typeof query === 'string' ? query : query.text;
}

/**
 * Runs a statement in a transaction of its own after `settings` (`SET LOCAL …`), for statements that
 * need planner settings of their own; with `prepare`, as queryPrepared does.
 */
export function queryWithSettings<T>(
  db: DataSource,
  settings: readonly string[],
  text: string,
  values: unknown[],
  { prepare }: { prepare: boolean },
): Promise<T[]> {
  return db.transaction(async (tx) => {
    for (const setting of settings) await tx.query(setting);
    return prepare ? queryPrepared<T>(tx, text, values) : tx.query(text, values);
  });
}

/**
 * A select list that returns each row of `alias` as one JSON value, column `row`; `jsonRows` unwraps
 * them. node-postgres decodes every column of every row on its own (a row description, a parser per
 * column, a string per value), which for lists of a few dozen columns cost a fifth of the API's time
 * per request; one JSON value per row is decoded by JSON.parse. Numbers and booleans stay numbers and
 * booleans, a bigint (count) arrives as a number, not a string, and a date as 'YYYY-MM-DD' whatever
 * the DateStyle, so dates need no to_char (which costs PostgreSQL more than the JSON); a timestamp
 * arrives as PostgreSQL's ISO text, not JavaScript's.
 */
export const JSON_ROW = (alias: string) => `row_to_json(${alias}) AS row`;

export function jsonRows<T>(rows: { row: T }[]): T[] {
  return rows.map(({ row }) => row);
}
