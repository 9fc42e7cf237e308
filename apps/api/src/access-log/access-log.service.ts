import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  accessKindOfAction,
  type AccessLogEntry,
  type AccessLogPage,
  purposeOfAction,
  Role,
} from '@mentor/domain';
import type { DataSource } from 'typeorm';
import { ReadAuditWriter } from '../audit/read-audit.writer';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { todayInDenmark } from '../common/clock';
import { ProblemException, ValidationProblem } from '../common/problem';
import { SqlParams } from '../common/sql-params';
import { NotFoundProblem } from '../common/versioned-update';
import { accessLogCsv, accessLogPdf } from './access-log-export';
import type { AccessLogQueryDto, AccessLogRangeDto } from './dto/access-log.dto';

/** More events than this in one export: the caseworker narrows the period (one file stays printable). */
export const ACCESS_LOG_EXPORT_MAX_ROWS = 20000;

const TIMESTAMP = (expr: string) => `to_char(${expr} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

interface CitizenRow {
  citizenId: string;
  name: string;
  cprMasked: string;
}

interface EventRow {
  total: number;
  at: string | null;
  action: string;
  actorRole: Role;
  organisationName: string;
}

type Format = 'page' | 'csv' | 'pdf';

export interface AccessLogFile {
  filename: string;
  content: Buffer;
}

/**
 * The citizen's access log, built from the audit trail: every event that read or changed the
 * citizen's data, with the actor's role and organisation at the time, never the person.
 */
@Injectable()
export class AccessLogService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly readAudit: ReadAuditWriter,
  ) {}

  async page(caller: AuthenticatedUser, citizenId: string, query: AccessLogQueryDto): Promise<AccessLogPage> {
    checkRange(query);
    await this.open(caller, citizenId, 'page', query);
    const { text, values } = eventsStatement(caller, citizenId, query, query);
    const rows: EventRow[] = await this.db.query(text, values);
    return {
      items: rows.filter((row) => row.at !== null).map(toEntry),
      total: rows[0]?.total ?? 0,
      limit: query.limit,
      offset: query.offset,
    };
  }

  async csv(caller: AuthenticatedUser, citizenId: string, range: AccessLogRangeDto): Promise<AccessLogFile> {
    const { entries } = await this.all(caller, citizenId, range, 'csv');
    return { filename: `indsigtslog-${todayInDenmark()}.csv`, content: accessLogCsv(entries) };
  }

  async pdf(caller: AuthenticatedUser, citizenId: string, range: AccessLogRangeDto): Promise<AccessLogFile> {
    const { citizen, entries } = await this.all(caller, citizenId, range, 'pdf');
    const content = await accessLogPdf({
      citizenName: citizen.name,
      cprMasked: citizen.cprMasked,
      from: range.from ?? null,
      to: range.to ?? null,
      madeAt: new Date().toISOString(),
      entries,
    });
    return { filename: `indsigtslog-${todayInDenmark()}.pdf`, content };
  }

  /** Every event of the range, newest first, for an export. */
  private async all(
    caller: AuthenticatedUser,
    citizenId: string,
    range: AccessLogRangeDto,
    format: Format,
  ): Promise<{ citizen: CitizenRow; entries: AccessLogEntry[] }> {
    checkRange(range);
    const citizen = await this.open(caller, citizenId, format, range);
    const { text, values } = eventsStatement(caller, citizenId, range);
    const rows: EventRow[] = await this.db.query(text, values);
    if (rows.length > ACCESS_LOG_EXPORT_MAX_ROWS) {
      throw new ProblemException({
        status: 422,
        code: 'access_log.too_many_events',
        detail: `The period holds more than ${ACCESS_LOG_EXPORT_MAX_ROWS} events; export a shorter period.`,
      });
    }
    return { citizen, entries: rows.map(toEntry) };
  }

  /**
   * The citizen, if in the caller's caseload (404 otherwise), and the record that the log was made:
   * producing the log is itself a use of the citizen's data.
   */
  private async open(
    caller: AuthenticatedUser,
    citizenId: string,
    format: Format,
    range: AccessLogRangeDto,
  ): Promise<CitizenRow> {
    const p = new SqlParams();
    const caseload =
      caller.role === Role.Caseworker
        ? `ci.municipality_id = ${p.add(caller.municipalityId)} AND ci.caseworker_id = ${p.add(caller.id)}`
        : 'FALSE';
    const select = `SELECT ci.id AS "citizenId", ci.name, ci.cpr_masked AS "cprMasked"
                      FROM citizen ci WHERE ci.id = ${p.add(citizenId)} AND ${caseload}`;
    const details = { format, from: range.from ?? null, to: range.to ?? null };
    const audit = { action: 'citizen.access_log', entityType: 'citizen', entityId: citizenId, details };
    const [citizen] = await this.readAudit.read<CitizenRow>(caller, audit, () =>
      this.db.query(select, p.values),
    );
    if (!citizen) throw new NotFoundProblem('citizen');
    return citizen;
  }
}

// The events with the actor's organisation; `sortAt` and `id` keep the page's order outside it.
const EVENTS_SELECT = `SELECT ${TIMESTAMP('e.at')} AS at, e.at AS "sortAt", e.id, e.action, e.actor_role AS "actorRole",
       o.name AS "organisationName"
  FROM audit_event e JOIN organisation o ON o.id = e.actor_organisation_id`;

/**
 * The citizen's events in the range, newest first: one page with the total, or (without `page`)
 * every one up to the export limit and one more. The GIN index on citizen_ids finds them, the
 * municipality keeps the tenant; days are Danish calendar days.
 */
export function eventsStatement(
  caller: AuthenticatedUser,
  citizenId: string,
  range: AccessLogRangeDto,
  page?: { limit: number; offset: number },
): { text: string; values: unknown[] } {
  const p = new SqlParams();
  const conditions = [
    `e.municipality_id = ${p.add(caller.municipalityId)}::uuid`,
    `e.citizen_ids @> ARRAY[${p.add(citizenId)}::uuid]`,
  ];
  if (range.from)
    conditions.push(`e.at >= (${p.add(range.from)}::date::timestamp AT TIME ZONE 'Europe/Copenhagen')`);
  if (range.to)
    conditions.push(`e.at < ((${p.add(range.to)}::date + 1)::timestamp AT TIME ZONE 'Europe/Copenhagen')`);
  const where = conditions.join(' AND ');
  if (!page) {
    const limit = p.add(ACCESS_LOG_EXPORT_MAX_ROWS + 1);
    return {
      text: `${EVENTS_SELECT} WHERE ${where} ORDER BY e.at DESC, e.id DESC LIMIT ${limit}`,
      values: p.values,
    };
  }
  // The count on its own, so a page past the end still says how many there are.
  const text = `SELECT c.total, e.at, e.action, e."actorRole", e."organisationName"
     FROM (SELECT count(*)::int AS total FROM audit_event e WHERE ${where}) c
     LEFT JOIN LATERAL (${EVENTS_SELECT} WHERE ${where}
                         ORDER BY e.at DESC, e.id DESC LIMIT ${p.add(page.limit)} OFFSET ${p.add(page.offset)}) e
       ON TRUE
    ORDER BY e."sortAt" DESC, e.id DESC`;
  return { text, values: p.values };
}

function checkRange(range: AccessLogRangeDto): void {
  if (range.from && range.to && range.to < range.from) {
    throw new ValidationProblem([
      { field: 'to', messages: ['to must not be before from'], codes: ['access_log.to_before_from'] },
    ]);
  }
}

function toEntry(row: EventRow): AccessLogEntry {
  return {
    at: row.at as string,
    action: row.action,
    kind: accessKindOfAction(row.action),
    purpose: purposeOfAction(row.action),
    actorRole: row.actorRole,
    organisationName: row.organisationName,
  };
}
