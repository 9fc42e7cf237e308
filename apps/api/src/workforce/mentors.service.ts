import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CertificationRecord,
  certificationState,
  type MentorProfile as MentorProfileView,
  type MentorProfileChanges,
  type MentorProfileFields,
  type MentorWorkforceRecord,
  MENTOR_SUGGESTIBLE_FIELDS,
  type ProfileSuggestion as ProfileSuggestionView,
  type RecruitmentAssessment as AssessmentView,
  type RecruitmentCompetency,
  type RecruitmentRequirements,
  Role,
  type RuleViolation,
  SuggestionStatus,
  toFieldErrors,
  validateProfile,
} from '@mentor/domain';
import * as argon2 from 'argon2';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { SessionService } from '../auth/session.service';
import { todayInDenmark } from '../common/clock';
import { ProblemException, ValidationProblem } from '../common/problem';
import { NotFoundProblem, StaleVersionProblem } from '../common/versioned-update';
import type {
  DecideSuggestionDto,
  RegisterMentorDto,
  SetRecruitmentAssessmentsDto,
  SetRecruitmentRequirementsDto,
  SuggestProfileChangesDto,
  UpdateMentorProfileDto,
} from './dto/mentor.dto';
import { MentorProfile } from './mentor-profile.entity';
import { changedFields, EMPTY_PROFILE, normaliseProfile, PROFILE_COLUMN_OF } from './profile-normalise';
import { ProfileSuggestion } from './profile-suggestion.entity';
import { RecruitmentAssessment, RecruitmentRequirement } from './recruitment.entity';
import { mentorRecordStatement } from './workforce-queries';
import {
  assertOrganisationInScope,
  isUniqueViolation,
  mentorInScope,
  organisationScope,
} from './workforce-scope';

interface RecordRow extends Omit<MentorProfileView, 'updatedAt'> {
  updatedAt: Date | null;
  trainings: MentorWorkforceRecord['trainings'];
  certifications: CertificationRecord[];
  upskilling: MentorWorkforceRecord['upskilling'];
  supervision: MentorWorkforceRecord['supervision'];
  requirements: RecruitmentCompetency[];
  assessments: AssessmentView[];
  suggestions: ProfileSuggestionView[];
}

const PROFILE_UNIQUE: Record<string, { field: keyof MentorProfileFields; code: string; message: string }> = {
  uq_mentor_profile_employee_number: {
    field: 'employeeNumber',
    code: 'profile.employee_number_taken',
    message: 'another mentor of the organisation has this employee number',
  },
  uq_mentor_profile_email: {
    field: 'email',
    code: 'profile.email_taken',
    message: 'another mentor of the municipality has this e-mail',
  },
};

/** A 409 naming the field when a profile change hits a unique key (employee number, e-mail). */
export function profileConflict(error: unknown): ProblemException | null {
  for (const [constraint, { field, code, message }] of Object.entries(PROFILE_UNIQUE)) {
    if (isUniqueViolation(error, constraint)) {
      return new ProblemException({
        status: 409,
        code,
        detail: `${message[0]?.toUpperCase()}${message.slice(1)}.`,
        errors: [{ field, messages: [message], codes: [code] }],
      });
    }
  }
  return null;
}

export function violationProblem(violations: RuleViolation[]): ValidationProblem {
  return new ValidationProblem(toFieldErrors(violations));
}

/** The profile fields of a record row, as stored. */
function fieldsOf(row: MentorProfileFields): MentorProfileFields {
  return Object.fromEntries(
    Object.keys(EMPTY_PROFILE).map((key) => [key, row[key as keyof MentorProfileFields]]),
  ) as unknown as MentorProfileFields;
}

/**
 * Mentor profiles and their records, kept by the team leader of the mentor's organisation (read by
 * the municipality's administrator); the mentor reads their own and suggests changes.
 */
@Injectable()
export class MentorsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly sessions: SessionService,
  ) {}

  // ---------- Reads ----------

  /** A mentor's whole record, as the caller may see it (a mentor only their own). */
  async record(
    caller: AuthenticatedUser,
    mentorId: string,
    manager: EntityManager = this.db.manager,
  ): Promise<MentorWorkforceRecord> {
    const scope = caller.role === Role.Mentor ? null : organisationScope(caller);
    if (caller.role === Role.Mentor && mentorId !== caller.id) throw new NotFoundProblem('mentor');
    const { text, values } = mentorRecordStatement(caller.municipalityId, mentorId, scope);
    const [row] = await manager.query<RecordRow[]>(text, values);
    if (!row) throw new NotFoundProblem('mentor');
    const today = todayInDenmark();
    const {
      trainings,
      certifications,
      upskilling,
      supervision,
      requirements,
      assessments,
      suggestions,
      updatedAt,
      ...profile
    } = row;
    const met = new Map(assessments.map((a) => [a.competency, a.met]));
    return {
      profile: { ...profile, updatedAt: updatedAt ? new Date(updatedAt).toISOString() : null },
      certification: certificationState(certifications, today),
      trainings,
      certifications,
      upskilling,
      supervision,
      recruitment: {
        requirements,
        assessments,
        allMet:
          requirements.length === 0 || requirements.some((c) => !met.has(c))
            ? null
            : requirements.every((c) => met.get(c) === true),
      },
      suggestions,
    };
  }

  // ---------- Profile ----------

  /** A team leader registers a new mentor of their own organisation, with a profile. */
  async register(caller: AuthenticatedUser, dto: RegisterMentorDto): Promise<MentorWorkforceRecord> {
    const { name, username, password, ...fields } = dto;
    const changes = normaliseProfile(fields);
    const violations = validateProfile(changes, todayInDenmark());
    if (violations.length) throw violationProblem(violations);
    const passwordHash = await argon2.hash(password);
    const mentorId = await this.db.transaction(async (tx) => {
      let id: string;
      try {
        [{ id }] = await tx.query<{ id: string }[]>(
          `INSERT INTO app_user (municipality_id, organisation_id, username, name, role, password_hash, version)
           VALUES ($1, $2, $3, $4, $5, $6, 1) RETURNING id`,
          [
            caller.municipalityId,
            caller.organisationId,
            username.trim().toLowerCase(),
            name.trim(),
            Role.Mentor,
            passwordHash,
          ],
        );
      } catch (error) {
        if (
          // Taken in this municipality, or (through the login_name reference table) in another.
          isUniqueViolation(error, 'uq_app_user_municipality_username') ||
          isUniqueViolation(error, 'uq_login_name_username')
        ) {
          throw new ProblemException({
            status: 409,
            code: 'user.username_taken',
            detail: 'The username is taken.',
            errors: [
              { field: 'username', messages: ['the username is taken'], codes: ['user.username_taken'] },
            ],
          });
        }
        throw error;
      }
      await this.saveProfile(tx, caller, { id, organisationId: caller.organisationId }, 0, changes);
      await this.audit.record(
        caller,
        {
          action: 'workforce.mentor_register',
          entityType: 'app_user',
          entityId: id,
          details: { fields: Object.keys(changes) },
        },
        tx,
      );
      return id;
    });
    return this.record(caller, mentorId);
  }

  /** Changes profile fields (and the name) under the version read: 0 for a profile never saved. */
  async updateProfile(
    caller: AuthenticatedUser,
    mentorId: string,
    dto: UpdateMentorProfileDto,
  ): Promise<MentorWorkforceRecord> {
    const { name, version, ...fields } = dto;
    await this.db.transaction(async (tx) => {
      const mentor = await mentorInScope(tx, caller, mentorId);
      const current = await this.currentProfile(tx, caller, mentorId);
      const changes = normaliseProfile(fields);
      const violations = validateProfile(changes, todayInDenmark(), current.fields);
      if (violations.length) throw violationProblem(violations);
      if (current.version !== version) throw new StaleVersionProblem('profile', current.version);
      await this.saveProfile(tx, caller, mentor, version, changes);
      if (name !== undefined) {
        await tx.query(
          `UPDATE app_user SET name = $3, version = version + 1, updated_at = now()
            WHERE id = $1 AND municipality_id = $2 AND name <> $3`,
          [mentorId, caller.municipalityId, name.trim()],
        );
      }
      await this.audit.record(
        caller,
        {
          action: 'workforce.profile_change',
          entityType: 'mentor_profile',
          entityId: mentorId,
          details: { fields: [...Object.keys(changes), ...(name !== undefined ? ['name'] : [])] },
        },
        tx,
      );
    });
    return this.record(caller, mentorId);
  }

  async setPassword(caller: AuthenticatedUser, mentorId: string, password: string): Promise<void> {
    const passwordHash = await argon2.hash(password);
    // Sessions signed in with the old password end, on every API instance at once.
    await this.sessions.endAllOfUser(caller.municipalityId, mentorId, async (tx) => {
      await mentorInScope(tx, caller, mentorId);
      await tx.query(
        `UPDATE app_user SET password_hash = $3, version = version + 1, updated_at = now()
          WHERE id = $1 AND municipality_id = $2`,
        [mentorId, caller.municipalityId, passwordHash],
      );
      await this.audit.record(
        caller,
        { action: 'workforce.password_set', entityType: 'app_user', entityId: mentorId },
        tx,
      );
    });
  }

  private async currentProfile(
    tx: EntityManager,
    caller: AuthenticatedUser,
    mentorId: string,
  ): Promise<{ fields: MentorProfileFields; version: number }> {
    const profile = await tx.findOneBy(MentorProfile, { municipalityId: caller.municipalityId, mentorId });
    if (!profile) return { fields: { ...EMPTY_PROFILE }, version: 0 };
    return { fields: fieldsOf(profile), version: profile.version };
  }

  /**
   * Writes the changed fields: a profile never saved is made (version 0 expected), a saved one
   * updated only if it still has `version` (409 otherwise); e-mail and employee number stay unique (409).
   */
  async saveProfile(
    tx: EntityManager,
    caller: AuthenticatedUser,
    mentor: { id: string; organisationId: string },
    version: number,
    changes: Partial<MentorProfileFields>,
  ): Promise<void> {
    const keys = Object.keys(changes) as (keyof MentorProfileFields)[];
    const columns = keys.map((key) => PROFILE_COLUMN_OF[key]);
    const values = keys.map((key) => changes[key]);
    try {
      if (version === 0) {
        const inserted = await tx.query<unknown[]>(
          `INSERT INTO mentor_profile (municipality_id, mentor_id, organisation_id, version${columns.map((c) => `, ${c}`).join('')})
           VALUES ($1, $2, $3, 1${values.map((_, i) => `, $${i + 4}`).join('')})
           ON CONFLICT (municipality_id, mentor_id) DO NOTHING RETURNING id`,
          [caller.municipalityId, mentor.id, mentor.organisationId, ...values],
        );
        if (inserted.length === 0) {
          const [current] = await tx.query<{ version: number }[]>(
            'SELECT version FROM mentor_profile WHERE municipality_id = $1 AND mentor_id = $2',
            [caller.municipalityId, mentor.id],
          );
          throw new StaleVersionProblem('profile', current?.version ?? 0);
        }
        return;
      }
      const [rows] = await tx.query<[unknown[], number]>(
        `UPDATE mentor_profile SET version = version + 1, updated_at = now()${columns
          .map((c, i) => `, ${c} = $${i + 4}`)
          .join('')}
          WHERE municipality_id = $1 AND mentor_id = $2 AND version = $3 RETURNING id`,
        [caller.municipalityId, mentor.id, version, ...values],
      );
      if (rows.length === 0) {
        const current = await this.currentProfile(tx, caller, mentor.id);
        throw new StaleVersionProblem('profile', current.version);
      }
    } catch (error) {
      throw profileConflict(error) ?? error;
    }
  }

  // ---------- Recruitment ----------

  async requirements(caller: AuthenticatedUser, organisationId: string): Promise<RecruitmentRequirements> {
    assertOrganisationInScope(caller, organisationId);
    const rows = await this.db.query<{ competency: RecruitmentCompetency | null }[]>(
      `SELECT r.competency FROM organisation o
         LEFT JOIN recruitment_requirement r ON r.municipality_id = o.municipality_id AND r.organisation_id = o.id
        WHERE o.id = $1 AND o.municipality_id = $2 ORDER BY r.competency`,
      [organisationId, caller.municipalityId],
    );
    if (rows.length === 0) throw new NotFoundProblem('organisation');
    return {
      organisationId,
      competencies: rows.flatMap((r) => (r.competency ? [r.competency] : [])),
    };
  }

  /** Replaces what the team leader's own organisation recruits for. */
  async setRequirements(
    caller: AuthenticatedUser,
    organisationId: string,
    dto: SetRecruitmentRequirementsDto,
  ): Promise<RecruitmentRequirements> {
    assertOrganisationInScope(caller, organisationId);
    await this.db.transaction(async (tx) => {
      await tx.query(
        `DELETE FROM recruitment_requirement WHERE municipality_id = $1 AND organisation_id = $2`,
        [caller.municipalityId, organisationId],
      );
      if (dto.competencies.length) {
        await tx.getRepository(RecruitmentRequirement).insert(
          dto.competencies.map((competency) => ({
            municipalityId: caller.municipalityId,
            organisationId,
            competency,
          })),
        );
      }
      await this.audit.record(
        caller,
        {
          action: 'workforce.requirements_change',
          entityType: 'organisation',
          entityId: organisationId,
          details: { competencies: dto.competencies },
        },
        tx,
      );
    });
    return this.requirements(caller, organisationId);
  }

  /** Replaces the hire's assessment against the requirements. */
  async setAssessments(
    caller: AuthenticatedUser,
    mentorId: string,
    dto: SetRecruitmentAssessmentsDto,
  ): Promise<MentorWorkforceRecord> {
    const competencies = dto.assessments.map((a) => a.competency);
    if (new Set(competencies).size !== competencies.length) {
      throw new ValidationProblem([
        { field: 'assessments', messages: ['a competency is assessed twice'], codes: ['arrayUnique'] },
      ]);
    }
    await this.db.transaction(async (tx) => {
      await mentorInScope(tx, caller, mentorId);
      await tx.query(`DELETE FROM recruitment_assessment WHERE municipality_id = $1 AND mentor_id = $2`, [
        caller.municipalityId,
        mentorId,
      ]);
      if (dto.assessments.length) {
        await tx.getRepository(RecruitmentAssessment).insert(
          dto.assessments.map((a) => ({
            municipalityId: caller.municipalityId,
            mentorId,
            competency: a.competency,
            met: a.met,
          })),
        );
      }
      await this.audit.record(
        caller,
        { action: 'workforce.assessment_change', entityType: 'app_user', entityId: mentorId },
        tx,
      );
    });
    return this.record(caller, mentorId);
  }

  // ---------- Suggestions ----------

  /** The mentor suggests changes to their own profile; a team leader decides. */
  async suggest(caller: AuthenticatedUser, dto: SuggestProfileChangesDto): Promise<ProfileSuggestionView> {
    const changes = normaliseProfile(dto) as MentorProfileChanges;
    const keys = Object.keys(changes).filter((k) =>
      (MENTOR_SUGGESTIBLE_FIELDS as readonly string[]).includes(k),
    );
    if (keys.length === 0) throw new ValidationProblem([], 'Suggest at least one change.');
    const current = await this.currentProfile(this.db.manager, caller, caller.id);
    const violations = validateProfile(changes, todayInDenmark(), current.fields);
    if (violations.length) throw violationProblem(violations);
    const id = await this.db.transaction(async (tx) => {
      const saved = await tx.getRepository(ProfileSuggestion).save({
        municipalityId: caller.municipalityId,
        mentorId: caller.id,
        changes,
        status: SuggestionStatus.Pending,
        note: null,
        decidedBy: null,
        decidedAt: null,
      });
      await this.audit.record(
        caller,
        {
          action: 'workforce.suggestion_create',
          entityType: 'profile_suggestion',
          entityId: saved.id,
          details: { fields: keys },
        },
        tx,
      );
      return saved.id;
    });
    const record = await this.record(caller, caller.id);
    return record.suggestions.find((s) => s.id === id) as ProfileSuggestionView;
  }

  /** The organisation's suggestions of one status (pending by default), newest first. */
  async suggestions(
    caller: AuthenticatedUser,
    organisationId: string,
    status: SuggestionStatus = SuggestionStatus.Pending,
  ): Promise<ProfileSuggestionView[]> {
    assertOrganisationInScope(caller, organisationId);
    // A row for the organisation even without suggestions, so another municipality's answers 404.
    const rows = await this.db.query<
      (Omit<ProfileSuggestionView, 'id'> & { id: string | null; createdAt: Date; decidedAt: Date | null })[]
    >(
      `SELECT ps.id, ps.mentor_id AS "mentorId", u.name AS "mentorName", ps.changes, ps.status, ps.note,
              ps.created_at AS "createdAt", ps.decided_at AS "decidedAt", d.name AS "decidedByName"
         FROM organisation o
         LEFT JOIN (profile_suggestion ps JOIN app_user u ON u.id = ps.mentor_id)
           ON ps.municipality_id = o.municipality_id AND u.organisation_id = o.id AND ps.status = $3
         LEFT JOIN app_user d ON d.id = ps.decided_by
        WHERE o.id = $2 AND o.municipality_id = $1
        ORDER BY ps.created_at DESC`,
      [caller.municipalityId, organisationId, status],
    );
    if (rows.length === 0) throw new NotFoundProblem('organisation');
    return rows.flatMap(({ id, ...r }) =>
      id === null
        ? []
        : [
            {
              ...r,
              id,
              createdAt: new Date(r.createdAt).toISOString(),
              decidedAt: r.decidedAt ? new Date(r.decidedAt).toISOString() : null,
            },
          ],
    );
  }

  /**
   * Accepts (the changes are applied to the profile as it is now) or rejects a pending suggestion of
   * a mentor of the team leader's organisation. 409 when already decided; 422 when the changes no
   * longer fit the profile.
   */
  async decide(
    caller: AuthenticatedUser,
    suggestionId: string,
    decision: SuggestionStatus.Accepted | SuggestionStatus.Rejected,
    dto: DecideSuggestionDto,
  ): Promise<ProfileSuggestionView> {
    const mentorId = await this.db.transaction(async (tx) => {
      const [suggestion] = await tx.query<
        { mentorId: string; status: SuggestionStatus; changes: MentorProfileChanges }[]
      >(
        `SELECT ps.mentor_id AS "mentorId", ps.status, ps.changes FROM profile_suggestion ps
          WHERE ps.id = $1 AND ps.municipality_id = $2 FOR UPDATE`,
        [suggestionId, caller.municipalityId],
      );
      if (!suggestion) throw new NotFoundProblem('suggestion');
      const mentor = await mentorInScope(tx, caller, suggestion.mentorId).catch(() => {
        throw new NotFoundProblem('suggestion');
      });
      if (suggestion.status !== SuggestionStatus.Pending) {
        throw new ProblemException({
          status: 409,
          code: 'suggestion.already_decided',
          detail: `The suggestion was already ${suggestion.status}.`,
        });
      }
      if (decision === SuggestionStatus.Accepted) {
        const current = await this.currentProfile(tx, caller, mentor.id);
        const changes = normaliseProfile(suggestion.changes);
        const violations = validateProfile(changes, todayInDenmark(), current.fields);
        if (violations.length) {
          throw new ProblemException({
            status: 422,
            code: 'suggestion.no_longer_valid',
            detail: 'The suggested changes no longer fit the profile; reject the suggestion instead.',
            errors: toFieldErrors(violations),
          });
        }
        const changed = changedFields(current.fields, changes);
        if (changed.length) {
          const only = Object.fromEntries(changed.map((key) => [key, changes[key]]));
          await this.saveProfile(tx, caller, mentor, current.version, only);
        }
      }
      await tx.query(
        `UPDATE profile_suggestion SET status = $3, note = $4, decided_by = $5, decided_at = now()
          WHERE id = $1 AND municipality_id = $2`,
        [suggestionId, caller.municipalityId, decision, dto.note?.trim() || null, caller.id],
      );
      await this.audit.record(
        caller,
        {
          action: `workforce.suggestion_${decision === SuggestionStatus.Accepted ? 'accept' : 'reject'}`,
          entityType: 'profile_suggestion',
          entityId: suggestionId,
        },
        tx,
      );
      return mentor.id;
    });
    const record = await this.record(caller, mentorId);
    return record.suggestions.find((s) => s.id === suggestionId) as ProfileSuggestionView;
  }
}
