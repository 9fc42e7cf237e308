import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CERTIFICATION_BASES,
  type CertificationInput,
  IMPORT_KINDS,
  ImportKind,
  type ImportKindCounts,
  type ImportResult,
  type ImportRowError,
  type MentorProfileFields,
  type ProblemDetails,
  Role,
  type RuleViolation,
  type SupervisionInput,
  type TrainingInput,
  type UpskillingOfferInput,
  validateCertification,
  validateProfile,
  validateSupervision,
  validateTraining,
  validateUpskillingOffer,
} from '@mentor/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { todayInDenmark } from '../common/clock';
import { ProblemException } from '../common/problem';
import {
  type ColumnSpec,
  IMPORT_COLUMNS,
  type ImportRow,
  type ImportSheet,
  parseCell,
  readImportFile,
} from './import-file';
import { profileConflict } from './mentors.service';
import {
  changedFields,
  EMPTY_PROFILE,
  normaliseProfile,
  PROFILE_COLUMN_OF,
  sameValue,
} from './profile-normalise';
import { PROFILE_COLUMNS } from './workforce-queries';
import { assertOrganisationInScope } from './workforce-scope';

/** Imported mentors get no password: they sign in once their team leader has set one. */
export const NO_PASSWORD = '!';
const USERNAME = /^[a-z0-9._@-]+$/;

/** A mentor a row refers to: one that exists, or one a profile row of this file creates. */
interface MentorRef {
  id: string | null;
  /** `new:<row>` for a mentor this import creates. */
  ref: string;
}

interface ExistingMentor {
  id: string;
  name: string;
  username: string;
  version: number;
  hasProfile: boolean;
  fields: MentorProfileFields;
}

interface ProfilePlan {
  /** The spreadsheet row. */
  row: number;
  mentor: MentorRef;
  /** For a new mentor. */
  username?: string;
  name: string | null;
  nameChanged: boolean;
  fields: MentorProfileFields;
  /** Write the profile (new, or a field changed). */
  write: boolean;
}

interface RecordPlan<I> {
  kind: ImportKind;
  mentor: MentorRef;
  /** The existing record matched by the natural key. */
  id: string | null;
  values: I;
  changed: boolean;
}

type AnyInput = TrainingInput | CertificationInput | UpskillingOfferInput | SupervisionInput;

interface Plan {
  errors: ImportRowError[];
  counts: Partial<Record<ImportKind, ImportKindCounts>>;
  profiles: ProfilePlan[];
  records: RecordPlan<AnyInput>[];
}

/** How a record sheet matches rows to stored records and compares them. */
interface RecordSheet<I> {
  table: string;
  /** The stored records' columns by API name, for matching and comparing. */
  select: string;
  validate(input: Partial<I>, today: string): RuleViolation[];
  /** The natural key of a record: one record per mentor and key. */
  key(input: I): string;
  /** Defaults of the optional fields of a new record. */
  defaults: Partial<I>;
  /** The value of `field` as stored (dates as YYYY-MM-DD, lists in domain order). */
  fields: (keyof I & string)[];
}

const TRAINING_SHEET: RecordSheet<TrainingInput> = {
  table: 'mentor_training',
  select: `kind, provider, length_days AS "lengthDays", to_char(completed_on, 'YYYY-MM-DD') AS "completedOn",
           felt_well_equipped AS "feltWellEquipped"`,
  validate: validateTraining,
  key: (r) => `${r.kind}|${r.completedOn ?? ''}`,
  defaults: { provider: null, lengthDays: null, completedOn: null, feltWellEquipped: null },
  fields: ['kind', 'provider', 'lengthDays', 'completedOn', 'feltWellEquipped'],
};

const CERTIFICATION_SHEET: RecordSheet<CertificationInput> = {
  table: 'mentor_certification',
  select: `to_char(certified_on, 'YYYY-MM-DD') AS "certifiedOn", to_char(renewal_due_on, 'YYYY-MM-DD') AS "renewalDueOn",
           basis, note`,
  validate: validateCertification,
  key: (r) => r.certifiedOn,
  defaults: { renewalDueOn: null, note: null },
  fields: ['certifiedOn', 'renewalDueOn', 'basis', 'note'],
};

const UPSKILLING_SHEET: RecordSheet<UpskillingOfferInput> = {
  table: 'mentor_upskilling',
  select: `topic, to_char(offered_on, 'YYYY-MM-DD') AS "offeredOn", taken`,
  validate: validateUpskillingOffer,
  key: (r) => `${r.topic}|${r.offeredOn}`,
  defaults: { taken: false },
  fields: ['topic', 'offeredOn', 'taken'],
};

const SUPERVISION_SHEET: RecordSheet<SupervisionInput> = {
  table: 'mentor_supervision',
  select: `kind, to_char(held_on, 'YYYY-MM-DD') AS "heldOn", note`,
  validate: validateSupervision,
  key: (r) => `${r.kind}|${r.heldOn}`,
  defaults: { note: null },
  fields: ['kind', 'heldOn', 'note'],
};

const RECORD_SHEETS: Record<Exclude<ImportKind, ImportKind.Profiles>, RecordSheet<AnyInput>> = {
  [ImportKind.Training]: TRAINING_SHEET as RecordSheet<AnyInput>,
  [ImportKind.Certification]: CERTIFICATION_SHEET as RecordSheet<AnyInput>,
  [ImportKind.Upskilling]: UPSKILLING_SHEET as RecordSheet<AnyInput>,
  [ImportKind.Supervision]: SUPERVISION_SHEET as RecordSheet<AnyInput>,
};

const emptyCounts = (rows: number): ImportKindCounts => ({ rows, created: 0, updated: 0, unchanged: 0 });

/** The column a rule's field came from, for the error's position. */
function headerOf(kind: ImportKind, field: string): string | null {
  return IMPORT_COLUMNS[kind].find((spec) => spec.field === field)?.header ?? null;
}

/** A row's cells as typed values by field (only the columns present), with each cell's error. */
function parseRow(
  sheet: ImportSheet,
  row: ImportRow,
  errors: ImportRowError[],
): { values: Record<string, unknown>; failed: Set<string> } {
  const values: Record<string, unknown> = {};
  const failed = new Set<string>();
  for (const spec of IMPORT_COLUMNS[sheet.kind] as ColumnSpec[]) {
    if (!sheet.headers.has(spec.header)) continue;
    const parsed = parseCell(spec, row.cells.get(spec.header) ?? null);
    if ('error' in parsed) {
      errors.push({ kind: sheet.kind, row: row.row, column: spec.header, ...parsed.error });
      failed.add(spec.field);
      continue;
    }
    if (
      spec.required &&
      (parsed.value === null || (Array.isArray(parsed.value) && parsed.value.length === 0))
    ) {
      errors.push({
        kind: sheet.kind,
        row: row.row,
        column: spec.header,
        code: 'isNotEmpty',
        message: `${spec.header} is required`,
      });
      failed.add(spec.field);
      continue;
    }
    values[spec.field] = parsed.value;
  }
  return { values, failed };
}

/**
 * Imports mentor profiles and their training, certification, upskilling and supervision records
 * from a spreadsheet (docs/import-format.md) into the team leader's organisation. Every row is
 * checked by the same rules as the forms before anything is written; a dry run reports the errors
 * and what would change; a real run writes all of it in one transaction, or nothing. Rows are
 * matched on the mentor's employee number or e-mail (and a record on its natural key), so
 * importing the same file again changes nothing.
 */
@Injectable()
export class WorkforceImportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async import(
    caller: AuthenticatedUser,
    organisationId: string,
    content: Buffer,
    options: { dryRun: boolean; kind?: ImportKind },
  ): Promise<ImportResult> {
    assertOrganisationInScope(caller, organisationId);
    const file = await readImportFile(content, options.kind);
    const run = async (tx: EntityManager): Promise<ImportResult> => {
      if (!options.dryRun) {
        // One import per organisation at a time, planned against what is stored now.
        await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
          `workforce-import:${organisationId}`,
        ]);
      }
      const plan = await this.plan(tx, caller, organisationId, file.sheets, [...file.errors]);
      const result: ImportResult = {
        dryRun: options.dryRun,
        committed: false,
        counts: plan.counts,
        errors: plan.errors,
      };
      if (options.dryRun) return result;
      if (plan.errors.length) throw new ImportProblem(plan.errors);
      const changes = await this.apply(tx, caller, organisationId, plan);
      if (changes > 0) {
        await this.audit.record(
          caller,
          {
            action: 'workforce.import',
            entityType: 'organisation',
            entityId: organisationId,
            details: { counts: plan.counts },
          },
          tx,
        );
      }
      return { ...result, committed: true };
    };
    return options.dryRun ? run(this.db.manager) : this.db.transaction(run);
  }

  // ---------- Planning ----------

  private async plan(
    tx: EntityManager,
    caller: AuthenticatedUser,
    organisationId: string,
    sheets: ImportSheet[],
    errors: ImportRowError[],
  ): Promise<Plan> {
    const today = todayInDenmark();
    const existing = await tx.query<(Omit<ExistingMentor, 'fields'> & MentorProfileFields)[]>(
      `SELECT u.id, u.name, u.username, COALESCE(mp.version, 0) AS version, mp.id IS NOT NULL AS "hasProfile",
              ${PROFILE_COLUMNS}
         FROM app_user u
         LEFT JOIN mentor_profile mp ON mp.municipality_id = u.municipality_id AND mp.mentor_id = u.id
        WHERE u.municipality_id = $1 AND u.organisation_id = $2 AND u.role = $3`,
      [caller.municipalityId, organisationId, Role.Mentor],
    );
    const mentors = new Map<string, ExistingMentor>();
    const byNumber = new Map<string, MentorRef>();
    const byEmail = new Map<string, MentorRef>();
    const byUsername = new Map<string, MentorRef>();
    for (const row of existing) {
      const fields = Object.fromEntries(
        Object.keys(EMPTY_PROFILE).map((key) => [key, row[key as keyof MentorProfileFields]]),
      ) as unknown as MentorProfileFields;
      mentors.set(row.id, { ...row, fields });
      const ref = { id: row.id, ref: row.id };
      if (fields.employeeNumber) byNumber.set(fields.employeeNumber, ref);
      if (fields.email) byEmail.set(fields.email, ref);
      byUsername.set(row.username, ref);
    }
    const plan: Plan = { errors, counts: {}, profiles: [], records: [] };
    const find = (kind: ImportKind, row: number, values: Record<string, unknown>, withUsername: boolean) => {
      const number = values['employeeNumber'] as string | null | undefined;
      const email = (values['email'] as string | null | undefined)?.toLowerCase();
      const username = withUsername
        ? (values['username'] as string | null | undefined)?.toLowerCase()
        : undefined;
      if (!number && !email && !username) {
        errors.push({
          kind,
          row,
          column: 'email' in values ? 'email' : 'employee_number',
          code: 'import.missing_key',
          message: 'give the mentor’s email or employee_number',
        });
        return { refs: [], failed: true };
      }
      const refs = [number ? byNumber.get(number) : undefined, email ? byEmail.get(email) : undefined]
        .concat(username ? [byUsername.get(username)] : [])
        .filter((r): r is MentorRef => r !== undefined);
      const distinct = [...new Map(refs.map((r) => [r.ref, r])).values()];
      if (distinct.length > 1) {
        errors.push({
          kind,
          row,
          column: 'employee_number',
          code: 'import.key_conflict',
          message: 'the employee_number and the email (or username) belong to different mentors',
        });
        return { refs: distinct, failed: true };
      }
      return { refs: distinct, failed: false };
    };

    // Profiles first: they may create the mentors the other sheets refer to.
    const profileSheet = sheets.find((s) => s.kind === ImportKind.Profiles);
    if (profileSheet) {
      const counts = emptyCounts(profileSheet.rows.length);
      plan.counts[ImportKind.Profiles] = counts;
      const seen = new Set<string>();
      const newUsernames = new Map<string, number>();
      const emails = new Map<string, number>();
      for (const row of profileSheet.rows) {
        const before = errors.length;
        const { values, failed: unreadable } = parseRow(profileSheet, row, errors);
        const { refs, failed } = find(ImportKind.Profiles, row.row, values, true);
        if (failed) continue;
        const match = refs[0];
        const current = match?.id ? mentors.get(match.id) : undefined;
        const { email: _e, employeeNumber: _n, username: rawUsername, name: rawName, ...rest } = values;
        const keys: Partial<MentorProfileFields> = {};
        if ('email' in values) keys.email = values['email'] as string | null;
        if ('employeeNumber' in values) keys.employeeNumber = values['employeeNumber'] as string | null;
        // A key column left empty keeps the stored key: it is what the row was matched on.
        if (keys.email === null && current?.fields.email) delete keys.email;
        if (keys.employeeNumber === null && current?.fields.employeeNumber) delete keys.employeeNumber;
        const changes = normaliseProfile({ ...(rest as Partial<MentorProfileFields>), ...keys });
        const currentFields = current?.fields ?? EMPTY_PROFILE;
        // A cell that could not be read has its error already.
        for (const v of validateProfile(changes, today, currentFields).filter(
          (v) => !unreadable.has(v.field),
        )) {
          errors.push({
            kind: ImportKind.Profiles,
            row: row.row,
            column: headerOf(ImportKind.Profiles, v.field),
            code: v.code,
            message: v.message,
          });
        }
        const name = typeof rawName === 'string' ? rawName : null;
        let username: string | undefined;
        if (!current) {
          if (!name) {
            errors.push({
              kind: ImportKind.Profiles,
              row: row.row,
              column: 'name',
              code: 'isNotEmpty',
              message: 'a new mentor needs a name',
            });
          }
          username = (typeof rawUsername === 'string' ? rawUsername : (changes.email ?? ''))?.toLowerCase();
          if (!username) {
            errors.push({
              kind: ImportKind.Profiles,
              row: row.row,
              column: 'username',
              code: 'import.missing_username',
              message: 'a new mentor needs a username (or an email to use as one)',
            });
          } else if (!USERNAME.test(username)) {
            errors.push({
              kind: ImportKind.Profiles,
              row: row.row,
              column: 'username',
              code: 'matches',
              message: 'a username holds letters, digits and . _ @ - only',
            });
          } else if (newUsernames.has(username)) {
            errors.push({
              kind: ImportKind.Profiles,
              row: row.row,
              column: 'username',
              code: 'import.duplicate_row',
              message: `row ${newUsernames.get(username)} already creates this username`,
            });
          } else newUsernames.set(username, row.row);
        }
        const ref: MentorRef = match ?? { id: null, ref: `new:${row.row}` };
        if (seen.has(ref.ref)) {
          errors.push({
            kind: ImportKind.Profiles,
            row: row.row,
            column: null,
            code: 'import.duplicate_row',
            message: 'another row of the sheet is about the same mentor',
          });
          continue;
        }
        seen.add(ref.ref);
        const fields = { ...currentFields, ...changes };
        if (fields.email) {
          const other = emails.get(fields.email);
          if (other !== undefined) {
            errors.push({
              kind: ImportKind.Profiles,
              row: row.row,
              column: 'email',
              code: 'import.duplicate_row',
              message: `row ${other} has the same email`,
            });
          }
          emails.set(fields.email, row.row);
        }
        if (errors.length > before) continue;
        // Later sheets find the mentor by the keys the file gives them.
        if (fields.employeeNumber) byNumber.set(fields.employeeNumber, ref);
        if (fields.email) byEmail.set(fields.email, ref);
        const nameChanged = !!current && name !== null && name !== current.name;
        const write = !current || !current.hasProfile || changedFields(current.fields, changes).length > 0;
        plan.profiles.push({ row: row.row, mentor: ref, username, name, nameChanged, fields, write });
        if (!current) counts.created++;
        else if (write || nameChanged) counts.updated++;
        else counts.unchanged++;
      }
      await this.checkTaken(tx, caller, organisationId, plan);
    }

    for (const sheet of sheets.filter((s) => s.kind !== ImportKind.Profiles)) {
      const kind = sheet.kind as Exclude<ImportKind, ImportKind.Profiles>;
      const spec = RECORD_SHEETS[kind];
      const counts = emptyCounts(sheet.rows.length);
      plan.counts[kind] = counts;
      const ids = [...mentors.keys()];
      const stored = await tx.query<(AnyInput & { id: string; mentorId: string })[]>(
        `SELECT id, mentor_id AS "mentorId", ${spec.select} FROM ${spec.table}
          WHERE municipality_id = $1 AND mentor_id = ANY($2::uuid[]) ORDER BY created_at, id`,
        [caller.municipalityId, ids],
      );
      const byKey = new Map<string, AnyInput & { id: string }>();
      for (const record of stored) {
        const key = `${record.mentorId}|${spec.key(record)}`;
        if (!byKey.has(key)) byKey.set(key, record);
      }
      const seen = new Map<string, number>();
      for (const row of sheet.rows) {
        const before = errors.length;
        const { values, failed: unreadable } = parseRow(sheet, row, errors);
        const { refs, failed } = find(kind, row.row, values, false);
        if (failed) continue;
        const mentor = refs[0];
        if (!mentor) {
          errors.push({
            kind,
            row: row.row,
            column: 'employeeNumber' in values && values['employeeNumber'] ? 'employee_number' : 'email',
            code: 'import.unknown_mentor',
            message:
              'no mentor of the organisation (or of the profiles sheet) has this email or employee_number',
          });
          continue;
        }
        const { email: _e, employeeNumber: _n, ...given } = values;
        if (kind === ImportKind.Certification && Array.isArray(given['basis']))
          given['basis'] = CERTIFICATION_BASES.filter((b) => (given['basis'] as string[]).includes(b));
        const probe = { ...spec.defaults, ...given } as AnyInput;
        for (const v of spec.validate(probe, today).filter((v) => !unreadable.has(v.field))) {
          errors.push({
            kind,
            row: row.row,
            column: headerOf(kind, v.field),
            code: v.code,
            message: v.message,
          });
        }
        if (errors.length > before) continue;
        const key = `${mentor.ref}|${spec.key(probe)}`;
        const earlier = seen.get(key);
        if (earlier !== undefined) {
          errors.push({
            kind,
            row: row.row,
            column: null,
            code: 'import.duplicate_row',
            message: `row ${earlier} is the same record`,
          });
          continue;
        }
        seen.set(key, row.row);
        const match = mentor.id ? byKey.get(`${mentor.id}|${spec.key(probe)}`) : undefined;
        if (!match) {
          plan.records.push({ kind, mentor, id: null, values: probe, changed: true });
          counts.created++;
          continue;
        }
        const merged = { ...match, ...given } as AnyInput & { id: string };
        const changed = spec.fields.some(
          (f) => !sameValue(match[f as keyof AnyInput], merged[f as keyof AnyInput]),
        );
        plan.records.push({ kind, mentor, id: match.id, values: merged, changed });
        if (changed) counts.updated++;
        else counts.unchanged++;
      }
    }
    for (const kind of IMPORT_KINDS) if (!plan.counts[kind]) delete plan.counts[kind];
    errors.sort((a, b) => IMPORT_KINDS.indexOf(a.kind) - IMPORT_KINDS.indexOf(b.kind) || a.row - b.row);
    return plan;
  }

  /** Usernames (unique everywhere) and e-mails (unique in the municipality) that others already hold. */
  private async checkTaken(tx: EntityManager, caller: AuthenticatedUser, organisationId: string, plan: Plan) {
    const usernames = plan.profiles.flatMap((p) => (p.username ? [p.username] : []));
    const emails = plan.profiles.flatMap((p) => (p.fields.email ? [p.fields.email] : []));
    // One after the other: both run on the transaction's one connection.
    const takenUsernames = usernames.length
      ? await tx.query<{ username: string }[]>(`SELECT username FROM app_user WHERE username = ANY($1)`, [
          usernames,
        ])
      : [];
    const takenEmails = emails.length
      ? await tx.query<{ email: string }[]>(
          `SELECT email FROM mentor_profile WHERE municipality_id = $1 AND organisation_id <> $2 AND email = ANY($3)`,
          [caller.municipalityId, organisationId, emails],
        )
      : [];
    const usernameTaken = new Set(takenUsernames.map((r) => r.username));
    const emailTaken = new Set(takenEmails.map((r) => r.email));
    plan.profiles = plan.profiles.filter((profile) => {
      const problems: ImportRowError[] = [];
      if (profile.username && usernameTaken.has(profile.username)) {
        problems.push({
          kind: ImportKind.Profiles,
          row: profile.row,
          column: 'username',
          code: 'user.username_taken',
          message: 'the username is taken',
        });
      }
      if (profile.fields.email && emailTaken.has(profile.fields.email)) {
        problems.push({
          kind: ImportKind.Profiles,
          row: profile.row,
          column: 'email',
          code: 'profile.email_taken',
          message: 'a mentor of another organisation has this email',
        });
      }
      plan.errors.push(...problems);
      return problems.length === 0;
    });
  }

  // ---------- Writing ----------

  /** Writes the plan; returns the number of rows written. */
  private async apply(
    tx: EntityManager,
    caller: AuthenticatedUser,
    organisationId: string,
    plan: Plan,
  ): Promise<number> {
    let written = 0;
    const ids = new Map<string, string>();
    const created = plan.profiles.filter((p) => p.mentor.id === null);
    if (created.length) {
      const rows = await tx.query<{ id: string; username: string }[]>(
        `INSERT INTO app_user (municipality_id, organisation_id, username, name, role, password_hash, version)
         SELECT $1, $2, r.username, r.name, $3, $4, 1 FROM jsonb_to_recordset($5::jsonb) AS r(username text, name text)
         RETURNING id, username`,
        [
          caller.municipalityId,
          organisationId,
          Role.Mentor,
          NO_PASSWORD,
          JSON.stringify(created.map((p) => ({ username: p.username, name: p.name }))),
        ],
      );
      const byUsername = new Map(rows.map((r) => [r.username, r.id]));
      for (const p of created) ids.set(p.mentor.ref, byUsername.get(p.username as string) as string);
      written += rows.length;
    }
    const idOf = (ref: MentorRef) => ref.id ?? (ids.get(ref.ref) as string);
    const renamed = plan.profiles.filter((p) => p.nameChanged);
    if (renamed.length) {
      await tx.query(
        `UPDATE app_user u SET name = r.name, version = u.version + 1, updated_at = now()
           FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, name text)
          WHERE u.id = r.id AND u.municipality_id = $1`,
        [caller.municipalityId, JSON.stringify(renamed.map((p) => ({ id: idOf(p.mentor), name: p.name })))],
      );
      written += renamed.length;
    }
    const profiles = plan.profiles.filter((p) => p.write);
    if (profiles.length) {
      const columns = Object.values(PROFILE_COLUMN_OF);
      const types: Record<string, string> = {
        birth_year: 'smallint',
        target_group_experience: 'boolean',
        target_group_experience_years: 'smallint',
        mentor_since: 'date',
        mentor_types: 'varchar[]',
        specialisations: 'varchar[]',
        capacity_minutes_per_week: 'integer',
        upskilling_wishes: 'varchar[]',
      };
      const recordType = columns.map((c) => `${c} ${types[c] ?? 'varchar'}`).join(', ');
      const json = profiles.map((p) => ({
        mentor_id: idOf(p.mentor),
        ...Object.fromEntries(
          Object.entries(PROFILE_COLUMN_OF).map(([field, column]) => [
            column,
            p.fields[field as keyof MentorProfileFields],
          ]),
        ),
      }));
      try {
        await tx.query(
          `INSERT INTO mentor_profile (municipality_id, organisation_id, mentor_id, version, ${columns.join(', ')})
           SELECT $1, $2, r.mentor_id, 1, ${columns.map((c) => `r.${c}`).join(', ')}
             FROM jsonb_to_recordset($3::jsonb) AS r(mentor_id uuid, ${recordType})
           ON CONFLICT (municipality_id, mentor_id) DO UPDATE SET
             ${columns.map((c) => `${c} = EXCLUDED.${c}`).join(', ')},
             version = mentor_profile.version + 1, updated_at = now()`,
          [caller.municipalityId, organisationId, JSON.stringify(json)],
        );
      } catch (error) {
        throw profileConflict(error) ?? error;
      }
      written += profiles.length;
    }
    for (const kind of IMPORT_KINDS.filter((k) => k !== ImportKind.Profiles)) {
      const records = plan.records.filter((r) => r.kind === kind);
      written += await this.writeRecords(
        tx,
        caller,
        kind as Exclude<ImportKind, ImportKind.Profiles>,
        records,
        idOf,
      );
    }
    return written;
  }

  private async writeRecords(
    tx: EntityManager,
    caller: AuthenticatedUser,
    kind: Exclude<ImportKind, ImportKind.Profiles>,
    records: RecordPlan<AnyInput>[],
    idOf: (ref: MentorRef) => string,
  ): Promise<number> {
    const columns = RECORD_COLUMNS[kind];
    const recordType = columns.map(([column, type]) => `${column} ${type}`).join(', ');
    const row = (r: RecordPlan<AnyInput>) => ({
      id: r.id,
      mentor_id: idOf(r.mentor),
      ...Object.fromEntries(
        columns.map(([column, , field]) => [
          column,
          (r.values as unknown as Record<string, unknown>)[field] ?? null,
        ]),
      ),
    });
    const inserts = records.filter((r) => r.id === null).map(row);
    const updates = records.filter((r) => r.id !== null && r.changed).map(row);
    const table = RECORD_SHEETS[kind].table;
    const certifier = kind === ImportKind.Certification ? ', certified_by' : '';
    if (inserts.length) {
      await tx.query(
        `INSERT INTO ${table} (municipality_id, mentor_id, version, ${columns.map(([c]) => c).join(', ')}${certifier})
         SELECT $1, r.mentor_id, 1, ${columns.map(([c]) => `r.${c}`).join(', ')}${certifier ? ', $3' : ''}
           FROM jsonb_to_recordset($2::jsonb) AS r(mentor_id uuid, ${recordType})`,
        [caller.municipalityId, JSON.stringify(inserts), ...(certifier ? [caller.id] : [])],
      );
    }
    if (updates.length) {
      await tx.query(
        `UPDATE ${table} t SET ${columns.map(([c]) => `${c} = r.${c}`).join(', ')},
                version = t.version + 1, updated_at = now()
           FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, ${recordType})
          WHERE t.id = r.id AND t.municipality_id = $1`,
        [caller.municipalityId, JSON.stringify(updates)],
      );
    }
    return inserts.length + updates.length;
  }
}

/** The stored columns of each record sheet: [column, type, API field]. */
const RECORD_COLUMNS: Record<Exclude<ImportKind, ImportKind.Profiles>, [string, string, string][]> = {
  [ImportKind.Training]: [
    ['kind', 'varchar', 'kind'],
    ['provider', 'varchar', 'provider'],
    ['length_days', 'smallint', 'lengthDays'],
    ['completed_on', 'date', 'completedOn'],
    ['felt_well_equipped', 'boolean', 'feltWellEquipped'],
  ],
  [ImportKind.Certification]: [
    ['certified_on', 'date', 'certifiedOn'],
    ['renewal_due_on', 'date', 'renewalDueOn'],
    ['basis', 'varchar[]', 'basis'],
    ['note', 'varchar', 'note'],
  ],
  [ImportKind.Upskilling]: [
    ['topic', 'varchar', 'topic'],
    ['offered_on', 'date', 'offeredOn'],
    ['taken', 'boolean', 'taken'],
  ],
  [ImportKind.Supervision]: [
    ['kind', 'varchar', 'kind'],
    ['held_on', 'date', 'heldOn'],
    ['note', 'varchar', 'note'],
  ],
};

/**
 * A refused commit: 422 problem+json with each error as a field error `<kind>[<row>].<column>`, and
 * the same errors by row and column in `rows` (as a dry run lists them).
 */
export class ImportProblem extends ProblemException {
  constructor(readonly rows: ImportRowError[]) {
    super({
      status: 422,
      code: 'import.invalid',
      detail: `The file has ${rows.length} error(s); nothing was imported. Fix them (a dry run lists them) and import again.`,
      errors: rows.map((e) => ({
        field: `${e.kind}[${e.row}]${e.column ? `.${e.column}` : ''}`,
        messages: [e.message],
        codes: [e.code],
      })),
    });
  }

  override toProblem(instance?: string, requestId?: string): ProblemDetails & { rows: ImportRowError[] } {
    return { ...super.toProblem(instance, requestId), rows: this.rows };
  }
}
