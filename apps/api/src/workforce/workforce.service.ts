import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  certificationState,
  deliveryPercent,
  filterAndSortWorkforce,
  type MentorType,
  type OrganisationKind,
  utilisationPercent,
  WORKFORCE_ALERTS,
  type WorkforceAlert,
  workforceAlerts,
  type WorkforceFilter,
  type WorkforceRow,
  type WorkforceView,
} from '@mentor/domain';
import type { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { todayInDenmark } from '../common/clock';
import { NotFoundProblem } from '../common/versioned-update';
import { queryWithSettings } from '../database/prepared';
import type { WorkforceQueryDto } from './dto/workforce.dto';
import { WORKFORCE_STATEMENT_SETTINGS, workforceStatement, type WorkforceSqlRow } from './workforce-queries';
import { assertOrganisationInScope } from './workforce-scope';

/** The load table of one organisation before paging: what the view pages and the export writes. */
export interface WorkforceTable {
  organisationId: string;
  organisationName: string;
  organisationKind: OrganisationKind;
  today: string;
  windowFrom: string;
  windowTo: string;
  /** Every mentor, unfiltered. */
  all: WorkforceRow[];
  /** Filtered and sorted. */
  rows: WorkforceRow[];
}

/** One load row from the statement's figures: certification status, utilisation, delivery and alerts. */
export function workforceRow(row: WorkforceSqlRow & { mentorId: string }, today: string): WorkforceRow {
  const certification = certificationState(
    row.certifiedOn ? [{ certifiedOn: row.certifiedOn, renewalDueOn: row.renewalDueOn }] : [],
    today,
  );
  return {
    mentorId: row.mentorId,
    name: row.name,
    employeeNumber: row.employeeNumber,
    email: row.email,
    mentorTypes: row.mentorTypes as MentorType[],
    capacityMinutesPerWeek: row.capacityMinutesPerWeek,
    activeCourses: row.activeCourses,
    grantedMinutesPerWeek: row.grantedMinutesPerWeek,
    utilisationPercent: utilisationPercent(row.grantedMinutesPerWeek, row.capacityMinutesPerWeek),
    grantedMinutesWindow: row.grantedMinutesWindow,
    deliveredMinutesWindow: row.deliveredMinutesWindow,
    deliveryPercent: deliveryPercent(row.deliveredMinutesWindow, row.grantedMinutesWindow),
    overdueReports: row.overdueReports,
    certification,
    trainingsCompleted: row.trainingsCompleted,
    lastTrainingCompletedOn: row.lastTrainingCompletedOn,
    lastSupervisionOn: row.lastSupervisionOn,
    pendingSuggestions: row.pendingSuggestions,
    alerts: workforceAlerts(
      {
        grantedMinutesPerWeek: row.grantedMinutesPerWeek,
        capacityMinutesPerWeek: row.capacityMinutesPerWeek,
        grantedMinutesWindow: row.grantedMinutesWindow,
        deliveredMinutesWindow: row.deliveredMinutesWindow,
        certificationStatus: certification.status,
        lastSupervisionOn: row.lastSupervisionOn,
        mentorSince: row.mentorSince,
      },
      today,
    ),
  };
}

/** The team leader's load view (study chapter 4: who watches mentor load, training and certification). */
@Injectable()
export class WorkforceService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Every mentor of the organisation with their figures, from one statement (no query per mentor),
   * then filtered and sorted: a team leader's own organisation, an administrator's any in the
   * municipality; 404 otherwise.
   */
  async table(
    caller: AuthenticatedUser,
    organisationId: string,
    filter: WorkforceFilter,
  ): Promise<WorkforceTable> {
    assertOrganisationInScope(caller, organisationId);
    const today = todayInDenmark();
    const { text, values, window } = workforceStatement(caller.municipalityId, organisationId, today);
    const sqlRows = await queryWithSettings<WorkforceSqlRow>(
      this.db,
      WORKFORCE_STATEMENT_SETTINGS,
      text,
      values,
      {
        prepare: true,
      },
    );
    const first = sqlRows[0];
    if (!first) throw new NotFoundProblem('organisation');
    const all = sqlRows
      .filter((row): row is WorkforceSqlRow & { mentorId: string } => row.mentorId !== null)
      .map((row) => workforceRow(row, today));
    return {
      organisationId,
      organisationName: first.organisationName,
      organisationKind: first.organisationKind,
      today,
      windowFrom: window.from,
      windowTo: window.to,
      all,
      rows: filterAndSortWorkforce(all, filter),
    };
  }

  async view(
    caller: AuthenticatedUser,
    organisationId: string,
    query: WorkforceQueryDto,
  ): Promise<WorkforceView> {
    const { all, rows, ...meta } = await this.table(caller, organisationId, query);
    const alertCounts = Object.fromEntries(WORKFORCE_ALERTS.map((a) => [a, 0])) as Record<
      WorkforceAlert,
      number
    >;
    for (const row of all) for (const alert of row.alerts) alertCounts[alert]++;
    return {
      ...meta,
      items: rows.slice(query.offset, query.offset + query.limit),
      total: rows.length,
      limit: query.limit,
      offset: query.offset,
      mentors: all.length,
      alertCounts,
    };
  }
}
