import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addMonths,
  certificationState,
  CourseStatus,
  type GrantDetail,
  GRANT_MAX_MONTHS,
  isCertificationValid,
} from '@mentor/domain';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { ReadAuditWriter } from '../audit/read-audit.writer';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CitizensService } from '../citizens/citizens.service';
import { ValidationProblem } from '../common/problem';
import { NotFoundProblem, updateWithVersion } from '../common/versioned-update';
import { SqlParams } from '../common/sql-params';
import { courseVisibility } from '../courses/course-visibility';
import { CourseMentorPeriod } from '../courses/course-mentor-period.entity';
import { MentorCourse } from '../courses/mentor-course.entity';
import { ProblemException } from '../common/problem';
import { GrantMinutes } from './grant-minutes.entity';
import { GRANT_DETAIL_JSON } from './grant-sql';
import { MentorGrant } from './mentor-grant.entity';
import type { ChangeGrantMinutesDto, CreateGrantDto } from './dto/grant.dto';
import { queryPrepared } from '../database/prepared';
import { todayInDenmark } from '../common/clock';
import { assignableMentorStatement } from '../workforce/workforce-queries';

/** Checks what validation decorators cannot: the period, the organisation and the mentor. */
async function checkGrant(tx: EntityManager, caller: AuthenticatedUser, dto: CreateGrantDto) {
  if (dto.endsOn < dto.startsOn) {
    throw new ValidationProblem([
      {
        field: 'endsOn',
        messages: ['endsOn must not be before startsOn'],
        codes: ['grant.ends_before_start'],
      },
    ]);
  }
  if (dto.endsOn > addMonths(dto.startsOn, GRANT_MAX_MONTHS)) {
    throw new ValidationProblem([
      {
        field: 'endsOn',
        messages: ['a grant runs at most six months; renew it with a new grant (LAB §167)'],
        codes: ['grant.too_long'],
      },
    ]);
  }
  const organisation = await tx.query(`SELECT 1 FROM organisation WHERE id = $1 AND municipality_id = $2`, [
    dto.deliveringOrganisationId,
    caller.municipalityId,
  ]);
  if (organisation.length === 0) {
    throw new ValidationProblem([
      {
        field: 'deliveringOrganisationId',
        messages: ['no such organisation'],
        codes: ['grant.unknown_organisation'],
      },
    ]);
  }
  if (dto.mentorId) await checkMentor(tx, caller, dto.mentorId, dto.deliveringOrganisationId);
}

/**
 * The mentor must be an active mentor of the delivering organisation and, where the municipality
 * requires it, hold a valid certification (422 `mentor.not_certified`).
 */
export async function checkMentor(
  tx: EntityManager,
  caller: AuthenticatedUser,
  mentorId: string,
  organisationId: string,
) {
  const today = todayInDenmark();
  const { text, values } = assignableMentorStatement(caller.municipalityId, organisationId, mentorId, today);
  const [mentor] = await tx.query<AssignableMentorRow[]>(text, values);
  if (!mentor) {
    throw new ValidationProblem([
      {
        field: 'mentorId',
        messages: ['not a mentor of the delivering organisation'],
        codes: ['grant.not_organisation_mentor'],
      },
    ]);
  }
  const certification = certificationState(
    mentor.certifiedOn ? [{ certifiedOn: mentor.certifiedOn, renewalDueOn: mentor.renewalDueOn }] : [],
    today,
  );
  if (mentor.requireCertification && !isCertificationValid(certification.status)) {
    const message = `the municipality requires a valid certification to assign a course; this mentor's is ${certification.status.replace('_', ' ')}`;
    throw new ProblemException({
      status: 422,
      code: 'mentor.not_certified',
      detail: `The mentor cannot be assigned: ${message}.`,
      errors: [{ field: 'mentorId', messages: [message], codes: ['mentor.not_certified'] }],
    });
  }
}

interface AssignableMentorRow {
  requireCertification: boolean;
  certifiedOn: string | null;
  renewalDueOn: string | null;
}

@Injectable()
export class GrantsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly citizens: CitizensService,
    private readonly audit: AuditService,
    private readonly readAudit: ReadAuditWriter,
  ) {}

  async create(caller: AuthenticatedUser, dto: CreateGrantDto): Promise<GrantDetail> {
    await this.citizens.findVisible(caller, dto.citizenId);
    const grantId = await this.db.transaction(async (tx) => {
      await checkGrant(tx, caller, dto);
      if (dto.renewsGrantId) {
        const renewed = await tx.query(
          `SELECT 1 FROM mentor_grant WHERE id = $1 AND municipality_id = $2 AND citizen_id = $3`,
          [dto.renewsGrantId, caller.municipalityId, dto.citizenId],
        );
        if (renewed.length === 0) {
          throw new ValidationProblem([
            {
              field: 'renewsGrantId',
              messages: ["not a grant of this citizen's"],
              codes: ['grant.renews_other_citizen'],
            },
          ]);
        }
      }
      const grant = await tx.getRepository(MentorGrant).save({
        municipalityId: caller.municipalityId,
        citizenId: dto.citizenId,
        caseworkerId: caller.id,
        mentorType: dto.mentorType,
        purpose: dto.purpose.trim(),
        tasks: dto.tasks.trim(),
        goals: dto.goals.map((text) => ({ id: randomUUID(), text: text.trim() })),
        startsOn: dto.startsOn,
        endsOn: dto.endsOn,
        deliveringOrganisationId: dto.deliveringOrganisationId,
        reportingIntervalWeeks: dto.reportingIntervalWeeks ?? 4,
        renewsGrantId: dto.renewsGrantId ?? null,
      });
      await tx.getRepository(GrantMinutes).insert({
        municipalityId: caller.municipalityId,
        grantId: grant.id,
        minutesPerWeek: dto.minutesPerWeek,
        effectiveFrom: dto.startsOn,
        createdBy: caller.id,
      });
      const course = await tx.getRepository(MentorCourse).save({
        municipalityId: caller.municipalityId,
        grantId: grant.id,
        organisationId: dto.deliveringOrganisationId,
        mentorId: dto.mentorId ?? null,
        status: dto.mentorId ? CourseStatus.Active : CourseStatus.Planned,
        endReason: null,
        endedOn: null,
      });
      if (dto.mentorId) {
        await tx.getRepository(CourseMentorPeriod).insert({
          municipalityId: caller.municipalityId,
          courseId: course.id,
          mentorId: dto.mentorId,
          fromDate: dto.startsOn,
          changedBy: caller.id,
        });
      }
      await this.audit.record(
        caller,
        [
          {
            action: 'grant.create',
            citizenId: dto.citizenId,
            entityType: 'mentor_grant',
            entityId: grant.id,
          },
          {
            action: 'course.create',
            citizenId: dto.citizenId,
            entityType: 'mentor_course',
            entityId: course.id,
          },
        ],
        tx,
      );
      return grant.id;
    });
    return this.get(caller, grantId);
  }

  /** A grant for its own page, audit-logged. */
  async read(caller: AuthenticatedUser, id: string): Promise<GrantDetail> {
    const audit = { action: 'grant.read', entityType: 'mentor_grant', entityId: id };
    return this.detail(
      await this.readAudit.read(caller, audit, () => this.select(caller, id, this.db.manager)),
    );
  }

  /** A grant the caller may see (404 otherwise); not audit-logged, for callers that log their own read. */
  async get(
    caller: AuthenticatedUser,
    id: string,
    manager: EntityManager = this.db.manager,
  ): Promise<GrantDetail> {
    return this.detail(await this.select(caller, id, manager));
  }

  private detail(rows: { grant: GrantDetail }[]): GrantDetail {
    if (!rows[0]) throw new NotFoundProblem('grant');
    return rows[0].grant;
  }

  private select(caller: AuthenticatedUser, id: string, manager: EntityManager) {
    const p = new SqlParams();
    const grantId = p.add(id);
    const visible = courseVisibility(p, 'co', 'ci', caller);
    const select = `SELECT g.id, g.citizen_id AS "citizenId", ${GRANT_DETAIL_JSON('g', 'o', 'co')} AS "grant"
         FROM mentor_grant g
         JOIN organisation o ON o.id = g.delivering_organisation_id
         JOIN mentor_course co ON co.grant_id = g.id
         JOIN citizen ci ON ci.id = g.citizen_id
        WHERE g.id = ${grantId} AND ${visible}`;
    return queryPrepared<{ citizenId: string; grant: GrantDetail }>(manager, select, p.values);
  }

  /** A new minute budget from a date on; earlier weeks keep the minutes they had. */
  async changeMinutes(
    caller: AuthenticatedUser,
    id: string,
    dto: ChangeGrantMinutesDto,
  ): Promise<GrantDetail> {
    const grant = await this.get(caller, id);
    if (dto.effectiveFrom < grant.startsOn || dto.effectiveFrom > grant.endsOn) {
      throw new ValidationProblem([
        {
          field: 'effectiveFrom',
          messages: ['must fall inside the grant period'],
          codes: ['grant.minutes_outside_period'],
        },
      ]);
    }
    await this.db.transaction(async (tx) => {
      await updateWithVersion(
        tx,
        MentorGrant,
        'grant',
        { id, municipalityId: caller.municipalityId },
        dto.version,
        {},
      );
      const inserted: unknown[] = await tx.query(
        `INSERT INTO grant_minutes (municipality_id, grant_id, minutes_per_week, effective_from, created_by)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (municipality_id, grant_id, effective_from) DO NOTHING RETURNING id`,
        [caller.municipalityId, id, dto.minutesPerWeek, dto.effectiveFrom, caller.id],
      );
      if (inserted.length === 0) {
        throw new ProblemException({
          status: 409,
          code: 'grant.minutes_exist_for_date',
          detail: 'The minutes already change on that date; choose another date.',
        });
      }
      await this.audit.record(
        caller,
        {
          action: 'grant.minutes_change',
          citizenId: grant.citizenId,
          entityType: 'mentor_grant',
          entityId: id,
          details: { minutesPerWeek: dto.minutesPerWeek, effectiveFrom: dto.effectiveFrom },
        },
        tx,
      );
    });
    return this.get(caller, id);
  }
}
