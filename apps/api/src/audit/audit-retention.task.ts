import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import type { RetentionCounts, RetentionTask } from '../retention/retention-task';

/** Months of audit partitions kept ready ahead of the current one. */
const MONTHS_AHEAD = 2;

/**
 * The audit trail, RETENTION_AUDIT_YEARS: drops every month that ended before the cut-off and
 * creates the coming months' partitions. The database function does it as the tables' owner (the
 * API's login may not delete audit records) under a lock of its own, so instances may run it at
 * once; a month is only dropped whole, never a record inside a kept month.
 */
@Injectable()
export class AuditRetentionTask implements RetentionTask {
  readonly kind = 'audit';

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async run(now: Date): Promise<RetentionCounts> {
    const keepFrom = new Date(now);
    keepFrom.setUTCFullYear(keepFrom.getUTCFullYear() - this.config.RETENTION_AUDIT_YEARS);
    const [result] = await this.db.query<{ created: number; dropped: number }[]>(
      `SELECT created, dropped FROM audit_partitions_maintain($1, $2, $3)`,
      [keepFrom, MONTHS_AHEAD, now],
    );
    return { auditMonths: result?.dropped ?? 0, auditMonthsCreated: result?.created ?? 0 };
  }
}
