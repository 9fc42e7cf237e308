import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  canEnterSurvey,
  type ProblemDetails,
  Role,
  SURVEY_SELF_ROLE,
  type SurveyImportError,
  type SurveyImportResult,
  SurveyKind,
  type SurveyResponsePage,
  type SurveyResponseView,
  toFieldErrors,
  validateAnsweredOn,
  validateSurveyAnswers,
} from '@mentor/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { todayInDenmark } from '../common/clock';
import { ProblemException, ValidationProblem } from '../common/problem';
import { NotFoundProblem } from '../common/versioned-update';
import type { SurveyResponseDto, SurveyResponseQueryDto } from './dto/survey.dto';
import { readSurveyFile } from './survey-import-file';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const VIEW_COLUMNS = `r.id, r.kind, to_char(r.answered_on, 'YYYY-MM-DD') AS "answeredOn", r.organisation_id AS "organisationId",
  o.name AS "organisationName", o.kind AS "organisationKind", r.mentor_type AS "mentorType",
  r.respondent_id IS NOT NULL AS "selfAnswered", r.imported, r.answers, r.created_at AS "createdAt"`;

interface Organisation {
  id: string;
  name: string;
}

/**
 * The built-in questionnaires' responses: answered in the app (a mentor's or a recruiter's own),
 * entered by staff (a citizen interview), or imported from a spreadsheet. Answers are checked against
 * the questionnaire (libs/domain surveys.ts) before they are stored. Team leaders work within their
 * own organisation, administrators within the municipality.
 */
@Injectable()
export class SurveysService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(
    caller: AuthenticatedUser,
    kind: SurveyKind,
    dto: SurveyResponseDto,
  ): Promise<SurveyResponseView> {
    if (!canEnterSurvey(caller.role, kind)) {
      throw new ProblemException({
        status: 403,
        code: 'survey.not_allowed',
        detail: `A ${caller.role} does not answer or enter the ${kind} questionnaire.`,
      });
    }
    const violations = [
      ...validateAnsweredOn(dto.answeredOn, todayInDenmark()),
      ...validateSurveyAnswers(kind, dto.answers),
    ];
    if (kind === SurveyKind.Recruiter && dto.mentorType)
      violations.push({
        field: 'mentorType',
        code: 'survey.mentor_type_not_asked',
        message: 'the recruiter questionnaire is not split by mentor type',
      });
    const organisationId = await this.organisationFor(caller, dto.organisationId, violations);
    if (violations.length) throw new ValidationProblem(toFieldErrors(violations));
    const selfAnswered = SURVEY_SELF_ROLE[kind] === caller.role;
    const [row] = await this.db.query<{ id: string }[]>(
      `INSERT INTO survey_response (municipality_id, organisation_id, kind, answered_on, mentor_type, answers,
                                    entered_by, respondent_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        caller.municipalityId,
        organisationId,
        kind,
        dto.answeredOn,
        dto.mentorType ?? null,
        JSON.stringify(dto.answers),
        caller.id,
        selfAnswered ? caller.id : null,
      ],
    );
    const id = row?.id as string;
    await this.audit.record(caller, { action: 'survey.answer', entityType: 'survey_response', entityId: id });
    const [view] = await this.db.query<SurveyResponseView[]>(
      `SELECT ${VIEW_COLUMNS} FROM survey_response r JOIN organisation o ON o.id = r.organisation_id WHERE r.id = $1`,
      [id],
    );
    return view as SurveyResponseView;
  }

  /**
   * The organisation a response concerns: a caseworker names one of the municipality's; a mentor or a
   * team leader their own (the default). Anything else is a field error, the same for an organisation
   * that does not exist and one that is not the caller's.
   */
  private async organisationFor(
    caller: AuthenticatedUser,
    requested: string | undefined,
    violations: { field: string; code: string; message: string }[],
  ): Promise<string | null> {
    const unknown = () =>
      violations.push({
        field: 'organisationId',
        code: 'survey.unknown_organisation',
        message: 'no such organisation, or not one you may answer for',
      });
    if (caller.role !== Role.Caseworker) {
      if (requested && requested !== caller.organisationId) unknown();
      return caller.organisationId;
    }
    if (!requested) {
      violations.push({
        field: 'organisationId',
        code: 'isNotEmpty',
        message: "name the organisation of the citizen's mentor",
      });
      return null;
    }
    const [found] = await this.db.query(`SELECT 1 FROM organisation WHERE id = $1 AND municipality_id = $2`, [
      requested,
      caller.municipalityId,
    ]);
    if (!found) unknown();
    return requested;
  }

  /** One page of responses, newest first: a team leader's organisation's, or (admin) the municipality's. */
  async list(
    caller: AuthenticatedUser,
    kind: SurveyKind,
    query: SurveyResponseQueryDto,
  ): Promise<SurveyResponsePage> {
    const organisationId = await this.scopedOrganisation(caller, query.organisationId);
    const rows = await this.db.query<(SurveyResponseView & { total: string })[]>(
      `SELECT ${VIEW_COLUMNS}, count(*) OVER () AS total
         FROM survey_response r JOIN organisation o ON o.id = r.organisation_id
        WHERE r.municipality_id = $1 AND r.kind = $2
          AND ($3::uuid IS NULL OR r.organisation_id = $3)
          AND ($4::date IS NULL OR r.answered_on >= $4) AND ($5::date IS NULL OR r.answered_on <= $5)
        ORDER BY r.answered_on DESC, r.created_at DESC, r.id
        LIMIT $6 OFFSET $7`,
      [
        caller.municipalityId,
        kind,
        organisationId,
        query.from ?? null,
        query.to ?? null,
        query.limit,
        query.offset,
      ],
    );
    return {
      items: rows.map(({ total: _total, ...view }) => view),
      total: rows[0] ? Number(rows[0].total) : 0,
      limit: query.limit,
      offset: query.offset,
    };
  }

  /** A team leader's own organisation (another answers 404); an administrator's any of the municipality, or all. */
  private async scopedOrganisation(
    caller: AuthenticatedUser,
    requested: string | undefined,
  ): Promise<string | null> {
    if (caller.role !== Role.Admin) {
      if (requested && requested !== caller.organisationId) throw new NotFoundProblem('organisation');
      return caller.organisationId;
    }
    if (!requested) return null;
    const [found] = await this.db.query(`SELECT 1 FROM organisation WHERE id = $1 AND municipality_id = $2`, [
      requested,
      caller.municipalityId,
    ]);
    if (!found) throw new NotFoundProblem('organisation');
    return requested;
  }

  /**
   * Imports responses from a spreadsheet (docs/survey-import-format.md): every row checked by the
   * rules of the form; a dry run lists every error by row and column; otherwise a file with any error
   * is refused (422) and one without is saved in one transaction.
   */
  async import(
    caller: AuthenticatedUser,
    kind: SurveyKind,
    content: Buffer,
    dryRun: boolean,
  ): Promise<SurveyImportResult> {
    const file = await readSurveyFile(content, kind, todayInDenmark());
    const errors: SurveyImportError[] = [...file.errors];
    const organisations = await this.organisationsFor(caller);
    const byKey = new Map<string, string>();
    for (const o of organisations) {
      byKey.set(o.id.toLowerCase(), o.id);
      byKey.set(o.name.trim().toLocaleLowerCase('da'), o.id);
    }
    if (caller.role === Role.Admin && !file.headers.has('organisation'))
      errors.push({
        row: 1,
        column: 'organisation',
        code: 'import.missing_column',
        message: 'the column "organisation" is required when an administrator imports',
      });
    const planned = file.rows.map((row) => {
      let organisationId: string | null = caller.role === Role.Admin ? null : caller.organisationId;
      if (row.organisation !== null) {
        const key = UUID.test(row.organisation)
          ? row.organisation.toLowerCase()
          : row.organisation.toLocaleLowerCase('da');
        organisationId = byKey.get(key) ?? null;
        if (!organisationId)
          errors.push({
            row: row.row,
            column: 'organisation',
            code: 'survey.unknown_organisation',
            message: `"${row.organisation}" is not an organisation you may import for`,
          });
      } else if (caller.role === Role.Admin && file.headers.has('organisation')) {
        errors.push({
          row: row.row,
          column: 'organisation',
          code: 'isNotEmpty',
          message: 'name the organisation',
        });
      }
      if (kind === SurveyKind.Recruiter && row.mentorType)
        errors.push({
          row: row.row,
          column: 'mentor_type',
          code: 'survey.mentor_type_not_asked',
          message: 'the recruiter questionnaire is not split by mentor type',
        });
      return { ...row, organisationId };
    });
    errors.sort((a, b) => a.row - b.row || (a.column ?? '').localeCompare(b.column ?? ''));
    const result: SurveyImportResult = {
      dryRun,
      committed: false,
      rows: file.rows.length,
      created: errors.length ? 0 : planned.length,
      errors,
    };
    if (dryRun) return result;
    if (errors.length) throw new SurveyImportProblem(kind, errors);
    await this.db.transaction(async (tx: EntityManager) => {
      await tx.query(
        `INSERT INTO survey_response (municipality_id, organisation_id, kind, answered_on, mentor_type, answers,
                                      entered_by, imported)
         SELECT $1, o, $2, d, t, a::jsonb, $3, true
           FROM unnest($4::uuid[], $5::date[], $6::varchar[], $7::text[]) AS x (o, d, t, a)`,
        [
          caller.municipalityId,
          kind,
          caller.id,
          planned.map((r) => r.organisationId),
          planned.map((r) => r.answeredOn),
          planned.map((r) => r.mentorType),
          planned.map((r) => JSON.stringify(r.answers)),
        ],
      );
      await this.audit.record(
        caller,
        { action: 'survey.import', entityType: 'survey', details: { kind, created: planned.length } },
        tx,
      );
    });
    return { ...result, committed: true };
  }

  private organisationsFor(caller: AuthenticatedUser): Promise<Organisation[]> {
    return this.db.query(
      `SELECT id, name FROM organisation WHERE municipality_id = $1 AND ($2::uuid IS NULL OR id = $2)`,
      [caller.municipalityId, caller.role === Role.Admin ? null : caller.organisationId],
    );
  }
}

/**
 * A refused import: 422 problem+json with each error as a field error `<kind>[<row>].<column>`, and
 * the same errors by row and column in `rows` (as a dry run lists them).
 */
export class SurveyImportProblem extends ProblemException {
  constructor(
    kind: SurveyKind,
    readonly rows: SurveyImportError[],
  ) {
    super({
      status: 422,
      code: 'import.invalid',
      detail: `The file has ${rows.length} error(s); nothing was imported. Fix them (a dry run lists them) and import again.`,
      errors: rows.map((e) => ({
        field: `${kind}[${e.row}]${e.column ? `.${e.column}` : ''}`,
        messages: [e.message],
        codes: [e.code],
      })),
    });
  }

  override toProblem(instance?: string, requestId?: string): ProblemDetails & { rows: SurveyImportError[] } {
    return { ...super.toProblem(instance, requestId), rows: this.rows };
  }
}
