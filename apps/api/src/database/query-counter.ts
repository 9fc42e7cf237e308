import type { Logger as TypeOrmLogger } from 'typeorm';
import { statementText } from './prepared';

/** Counts the SQL statements TypeORM sends; tests use it to prove a request's query count is fixed. */
export class QueryCounter implements TypeOrmLogger {
  count = 0;
  /** The statements counted since the last reset, for a failing test to show. */
  statements: string[] = [];

  logQuery(query: string | { text: string }) {
    this.count++;
    this.statements.push(statementText(query).replace(/\s+/g, ' ').slice(0, 120));
  }
  logQueryError() {
    // Errors are the caller's to report; they are not counted.
  }
  logQuerySlow() {
    // Slow queries are counted once, by logQuery.
  }
  logSchemaBuild() {
    // Schema building is not a request's work.
  }
  logMigration() {
    // Migrations are not a request's work.
  }
  log() {
    // Driver notices are not statements.
  }

  reset() {
    this.count = 0;
    this.statements = [];
  }
}
