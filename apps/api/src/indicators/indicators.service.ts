import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  daysBetween,
  INDICATOR_PERIOD_MAX_DAYS,
  type IndicatorQuery,
  type IndicatorReport,
  Role,
} from '@mentor/domain';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ValidationProblem } from '../common/problem';
import { NotFoundProblem } from '../common/versioned-update';
import { queryWithSettings } from '../database/prepared';
import { indicatorResults } from './indicator-compute';
import {
  indicatorCounts,
  type IndicatorScope,
  INDICATOR_STATEMENT_SETTINGS,
  type RunStatement,
} from './indicator-queries';

/**
 * The study's indicators from the records: a team leader's own organisation, or an administrator's
 * municipality. Small numbers are withheld below the administrator (indicator-compute.ts).
 */
@Injectable()
export class IndicatorsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  // Each statement in a transaction of its own, with the planner settings the report needs; the
  // three run at once on three pooled connections.
  private readonly run: RunStatement = (text, values) =>
    queryWithSettings(this.db, INDICATOR_STATEMENT_SETTINGS, text, values, { prepare: false });

  async report(caller: AuthenticatedUser, query: IndicatorQuery): Promise<IndicatorReport> {
    const scope = await this.scope(caller, query);
    const counts = await indicatorCounts(this.run, scope);
    const filters = {
      ...(scope.organisationKind ? { organisationType: scope.organisationKind } : {}),
      ...(scope.organisationId ? { organisationId: scope.organisationId } : {}),
      ...(scope.mentorType ? { mentorType: scope.mentorType } : {}),
    };
    await this.audit.record(caller, {
      action: 'indicators.read',
      entityType: 'municipality',
      entityId: caller.municipalityId,
      details: { from: scope.from, to: scope.to, ...filters },
    });
    return {
      from: scope.from,
      to: scope.to,
      filters,
      indicators: indicatorResults(counts, caller.role !== Role.Admin),
    };
  }

  /** The organisation's name for the PDF's heading (the report has checked it is the caller's to see). */
  async organisationName(organisationId: string | undefined): Promise<string | null> {
    if (!organisationId) return null;
    const [row] = await this.db.query(`SELECT name FROM organisation WHERE id = $1`, [organisationId]);
    return row?.name ?? null;
  }

  /**
   * The period checked (from ≤ to, at most INDICATOR_PERIOD_MAX_DAYS days) and the filters scoped:
   * a team leader always to their own organisation (naming another answers 404), an administrator
   * to an organisation of the municipality (another answers 404).
   */
  private async scope(caller: AuthenticatedUser, query: IndicatorQuery): Promise<IndicatorScope> {
    if (query.to < query.from)
      throw new ValidationProblem([
        { field: 'to', messages: ['must not be before from'], codes: ['indicators.period_reversed'] },
      ]);
    if (daysBetween(query.from, query.to) + 1 > INDICATOR_PERIOD_MAX_DAYS)
      throw new ValidationProblem([
        {
          field: 'to',
          messages: [`the period may cover at most ${INDICATOR_PERIOD_MAX_DAYS} days`],
          codes: ['indicators.period_too_long'],
        },
      ]);
    let organisationId = query.organisationId ?? null;
    if (caller.role === Role.TeamLeader) {
      if (organisationId && organisationId !== caller.organisationId)
        throw new NotFoundProblem('organisation');
      organisationId = caller.organisationId;
    } else if (organisationId) {
      const [found] = await this.db.query(
        `SELECT 1 FROM organisation WHERE id = $1 AND municipality_id = $2`,
        [organisationId, caller.municipalityId],
      );
      if (!found) throw new NotFoundProblem('organisation');
    }
    return {
      municipalityId: caller.municipalityId,
      from: query.from,
      to: query.to,
      organisationId,
      organisationKind: query.organisationType ?? null,
      mentorType: query.mentorType ?? null,
    };
  }
}
