import { type BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { isDatabaseUnavailable } from '../database/database-unavailable';
import { queryPrepared } from '../database/prepared';
import { runInTenantScope } from '../database/tenant-context';
import {
  type ReadAudit,
  READ_AUDIT_INSERT,
  readAuditRecord,
  type ReadAuditRecord,
  type ReadStatement,
} from './audit-sql';

/** More records than this go in the next statement. */
const MAX_BATCH = 500;

interface Pending {
  record: ReadAuditRecord;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Writes the audit records of reads of citizen data, many requests' records per statement (group
 * commit), and lets each read answer only once its record is committed: a read whose record cannot
 * be written fails, so no citizen data leaves the API unrecorded.
 *
 * Why not in the read's own statement: a record makes the read a writing transaction (a transaction
 * id, WAL, a commit to flush), which cost about a quarter of a course list's database time under
 * load. Batched, the commits are shared. While one batch is being written, the records of the
 * requests answered meanwhile gather for the next, so batches grow with the load and a lone request
 * waits for nothing but its own insert.
 *
 * Records carry their caller's municipality; a batch mixes municipalities, so it is written in the
 * system scope (the row-level security policies admit it there), never the scope of one request.
 */
@Injectable()
export class ReadAuditWriter implements BeforeApplicationShutdown {
  private queue: Pending[] = [];
  private draining: Promise<void> | null = null;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Runs `read`, records that `caller` read the citizens of its rows (`citizenId`; a record also
   * for none: a search is worth recording) and returns the rows once the record is committed. Not
   * for a read inside a transaction: the record is written on another pooled connection, which
   * transactions holding every connection would wait for; there, AuditService.record in the
   * transaction does.
   */
  async read<T extends object>(
    caller: AuthenticatedUser,
    audit: ReadAudit,
    read: () => Promise<T[]>,
  ): Promise<T[]> {
    const rows = await read();
    const citizenIds = new Set<string>();
    for (const row of rows) {
      const { citizenId } = row as { citizenId?: string | null };
      if (citizenId) citizenIds.add(citizenId);
    }
    await this.record(readAuditRecord(caller, audit, [...citizenIds]));
    return rows;
  }

  /** Runs `statement` as a prepared statement (queryPrepared); with its `audit`, audit-logged as `read` does. */
  query<T extends object>(caller: AuthenticatedUser, statement: ReadStatement): Promise<T[]> {
    const run = () => queryPrepared<T>(this.db, statement.text, statement.values);
    return statement.audit ? this.read(caller, statement.audit, run) : run();
  }

  /** Resolves once the record is committed; rejects when it cannot be written. */
  record(record: ReadAuditRecord): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ record, resolve, reject });
      // On the next turn of the event loop, so records of answers that arrived together share a batch.
      this.draining ??= new Promise((done) => setImmediate(done)).then(() =>
        runInTenantScope(() => this.drain()),
      );
    });
  }

  async beforeApplicationShutdown() {
    await this.draining;
  }

  private async drain() {
    try {
      while (this.queue.length) await this.write(this.queue.splice(0, MAX_BATCH));
    } finally {
      this.draining = null;
    }
  }

  private async write(batch: Pending[]): Promise<void> {
    try {
      await queryPrepared(this.db, READ_AUDIT_INSERT, [JSON.stringify(batch.map((p) => p.record))]);
    } catch (error) {
      // With the database gone every record fails alike; otherwise one bad record must not fail
      // the reads of the others, so they are written one by one.
      if (batch.length === 1 || isDatabaseUnavailable(error)) {
        for (const pending of batch) pending.reject(error);
        return;
      }
      for (const pending of batch) await this.write([pending]);
      return;
    }
    for (const pending of batch) pending.resolve();
  }
}
