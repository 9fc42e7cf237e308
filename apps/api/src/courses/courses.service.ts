import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addDays,
  addMonths,
  CourseFlag,
  COURSE_SORT_FIELDS,
  type CourseDetail,
  CourseStatus,
  type CourseSummary,
  daysBetween,
  GRANT_EXPIRY_WARNING_DAYS,
  isoWeek,
  isoWeekStart,
  NO_CONTACT_FLAG_DAYS,
  type Page,
  type WeekBudget,
} from '@mentor/domain';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { todayInDenmark } from '../common/clock';
import { sortOrDefault } from '../common/pagination';
import { ValidationProblem } from '../common/problem';
import { SqlParams } from '../common/sql-params';
import { NotFoundProblem, updateWithVersion } from '../common/versioned-update';
import { checkMentor, GrantsService } from '../grants/grants.service';
import {
  COUNTED_CONTACT,
  GRANTED_IN_PERIOD,
  GRANTED_IN_WEEK,
  LOGGED_IN_PERIOD,
  LOGGED_IN_WEEK,
} from './course-queries';
import { courseVisibility } from './course-visibility';
import { CourseMentorPeriod } from './course-mentor-period.entity';
import type { ChangeCourseDto, CourseListQueryDto } from './dto/course.dto';
import { MentorCourse } from './mentor-course.entity';

interface CourseRow extends Omit<
  CourseSummary,
  'thisWeek' | 'noRecentContact' | 'overBudgetThisWeek' | 'expiresSoon'
> {
  grantedMinutes: number;
  loggedMinutes: number;
  lastWeekGrantedMinutes: number;
  lastWeekLoggedMinutes: number;
  grantId: string;
  preferredMeetingPlace: CourseDetail['preferredMeetingPlace'];
  endReason: CourseDetail['endReason'];
  endedOn: string | null;
  version: number;
  total: string;
}

const SORT_SQL: Record<(typeof COURSE_SORT_FIELDS)[number], string> = {
  citizenName: 'x."citizenName"',
  endsOn: 'x."endsOn"',
  lastContactDate: 'x."lastContactDate"',
};

/** Granted against logged minutes of one week; under-delivery counts only once the week is over. */
export function weekBudget(weekStart: string, granted: number, logged: number, today: string): WeekBudget {
  const over = addDays(weekStart, 6) < today;
  return {
    week: isoWeek(weekStart).label,
    weekStart,
    grantedMinutes: granted,
    loggedMinutes: logged,
    overrunMinutes: Math.max(0, logged - granted),
    underDeliveredMinutes: over ? Math.max(0, granted - logged) : 0,
  };
}

@Injectable()
export class CoursesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly grants: GrantsService,
    private readonly audit: AuditService,
  ) {}

  /** Courses with this week's and this month's budget, last contact and flags, in one query. */
  private async query(
    caller: AuthenticatedUser,
    filter: {
      id?: string;
      status?: CourseStatus;
      search?: string;
      flag?: CourseFlag;
      sort?: string;
      limit: number;
      offset: number;
    },
  ): Promise<{ rows: CourseRow[]; today: string; weekStart: string }> {
    const today = todayInDenmark();
    const weekStart = isoWeekStart(today);
    const monthStart = `${today.slice(0, 8)}01`;
    const monthEnd = addDays(addMonths(monthStart, 1), -1);
    const p = new SqlParams();
    const week = `${p.add(weekStart)}::date`;
    const lastWeek = `${p.add(addDays(weekStart, -7))}::date`;
    const month = { start: `${p.add(monthStart)}::date`, end: `${p.add(monthEnd)}::date` };
    const visible = courseVisibility(p, 'co', 'ci', caller);
    const conditions = [visible];
    if (filter.id) conditions.push(`co.id = ${p.add(filter.id)}`);
    if (filter.status) conditions.push(`co.status = ${p.add(filter.status)}`);
    else if (!filter.id) conditions.push(`co.status <> 'ended'`);
    if (filter.search)
      conditions.push(`ci.name ILIKE ${p.add(`%${filter.search.replace(/[\\%_]/g, '\\$&')}%`)}`);
    // Flags filter on the computed columns, so they apply to the outer query.
    const flagCondition = (flag: CourseFlag) => {
      switch (flag) {
        case CourseFlag.NoRecentContact:
          return `x.status = 'active' AND COALESCE(x."lastContactDate", x."startsOn") <= ${p.add(addDays(today, -NO_CONTACT_FLAG_DAYS))}`;
        case CourseFlag.OverBudget:
          return `x."loggedMinutes" > x."grantedMinutes"`;
        case CourseFlag.UnderDelivered:
          return `x."lastWeekLoggedMinutes" < x."lastWeekGrantedMinutes"`;
        case CourseFlag.ExpiresSoon:
          return `x."endsOn" <= ${p.add(addDays(today, GRANT_EXPIRY_WARNING_DAYS))}`;
      }
    };
    const outerWhere = filter.flag ? `WHERE ${flagCondition(filter.flag)}` : '';
    const sort = sortOrDefault(filter.sort, COURSE_SORT_FIELDS, { field: 'citizenName', direction: 'ASC' });
    const rows: CourseRow[] = await this.db.query(
      `SELECT x.*, count(*) OVER () AS total FROM (
         SELECT co.id, g.id AS "grantId", g.citizen_id AS "citizenId", ci.name AS "citizenName", ci.cpr_masked AS "cprMasked",
                g.mentor_type AS "mentorType", co.status, co.mentor_id AS "mentorId", m.name AS "mentorName",
                co.organisation_id AS "organisationId", o.name AS "organisationName",
                to_char(g.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(g.ends_on, 'YYYY-MM-DD') AS "endsOn",
                ci.preferred_meeting_place AS "preferredMeetingPlace", co.end_reason AS "endReason", to_char(co.ended_on, 'YYYY-MM-DD') AS "endedOn", co.version,
                ${GRANTED_IN_WEEK('g', week)} AS "grantedMinutes",
                ${LOGGED_IN_WEEK('co', week)} AS "loggedMinutes",
                ${GRANTED_IN_WEEK('g', lastWeek)} AS "lastWeekGrantedMinutes",
                ${LOGGED_IN_WEEK('co', lastWeek)} AS "lastWeekLoggedMinutes",
                ${GRANTED_IN_PERIOD('g', month.start, month.end)} AS "monthGrantedMinutes",
                ${LOGGED_IN_PERIOD('co', month.start, month.end)} AS "monthDeliveredMinutes",
                (SELECT to_char(MAX(ct.contact_date), 'YYYY-MM-DD') FROM contact ct
                  WHERE ct.course_id = co.id AND ${COUNTED_CONTACT('ct')}) AS "lastContactDate"
           FROM mentor_course co
           JOIN mentor_grant g ON g.id = co.grant_id
           JOIN citizen ci ON ci.id = g.citizen_id
           JOIN organisation o ON o.id = co.organisation_id
           LEFT JOIN app_user m ON m.id = co.mentor_id
          WHERE ${conditions.join(' AND ')}) x
        ${outerWhere}
        ORDER BY ${SORT_SQL[sort.field]} ${sort.direction} NULLS LAST, x.id
        LIMIT ${p.add(filter.limit)} OFFSET ${p.add(filter.offset)}`,
      p.values,
    );
    return { rows, today, weekStart };
  }

  private summary(row: CourseRow, today: string, weekStart: string): CourseSummary {
    const thisWeek = weekBudget(weekStart, row.grantedMinutes, row.loggedMinutes, today);
    const since = row.lastContactDate ?? row.startsOn;
    return {
      id: row.id,
      citizenId: row.citizenId,
      citizenName: row.citizenName,
      cprMasked: row.cprMasked,
      mentorType: row.mentorType,
      status: row.status,
      mentorId: row.mentorId,
      mentorName: row.mentorName,
      organisationId: row.organisationId,
      organisationName: row.organisationName,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      thisWeek,
      lastWeek: weekBudget(
        addDays(weekStart, -7),
        row.lastWeekGrantedMinutes,
        row.lastWeekLoggedMinutes,
        today,
      ),
      monthGrantedMinutes: row.monthGrantedMinutes,
      monthDeliveredMinutes: row.monthDeliveredMinutes,
      lastContactDate: row.lastContactDate,
      noRecentContact:
        row.status === CourseStatus.Active && daysBetween(since, today) >= NO_CONTACT_FLAG_DAYS,
      overBudgetThisWeek: thisWeek.overrunMinutes > 0,
      expiresSoon:
        row.status !== CourseStatus.Ended && daysBetween(today, row.endsOn) <= GRANT_EXPIRY_WARNING_DAYS,
    };
  }

  async list(caller: AuthenticatedUser, query: CourseListQueryDto): Promise<Page<CourseSummary>> {
    const { rows, today, weekStart } = await this.query(caller, query);
    await this.audit.record(
      caller,
      rows.map((r) => ({
        action: 'course.list',
        citizenId: r.citizenId,
        entityType: 'mentor_course',
        entityId: r.id,
      })),
    );
    return {
      items: rows.map((row) => this.summary(row, today, weekStart)),
      total: Number(rows[0]?.total ?? 0),
      limit: query.limit,
      offset: query.offset,
    };
  }

  async get(caller: AuthenticatedUser, id: string): Promise<CourseDetail> {
    const { rows, today, weekStart } = await this.query(caller, { id, limit: 1, offset: 0 });
    const row = rows[0];
    if (!row) throw new NotFoundProblem('course');
    const [grant, mentorHistory] = await Promise.all([
      this.grants.get(caller, row.grantId),
      this.db.query(
        `SELECT p.mentor_id AS "mentorId", u.name AS "mentorName", to_char(p.from_date, 'YYYY-MM-DD') AS "fromDate",
                to_char(p.to_date, 'YYYY-MM-DD') AS "toDate"
           FROM course_mentor_period p JOIN app_user u ON u.id = p.mentor_id
          WHERE p.course_id = $1 ORDER BY p.from_date, p.created_at`,
        [id],
      ),
    ]);
    await this.audit.record(caller, {
      action: 'course.read',
      citizenId: row.citizenId,
      entityType: 'mentor_course',
      entityId: id,
    });
    return {
      ...this.summary(row, today, weekStart),
      grant,
      preferredMeetingPlace: row.preferredMeetingPlace,
      endReason: row.endReason,
      endedOn: row.endedOn,
      mentorHistory,
      version: row.version,
    };
  }

  /** The course's weeks from its start to this week (or its end): granted against logged. */
  async weeks(caller: AuthenticatedUser, id: string): Promise<WeekBudget[]> {
    const course = await this.get(caller, id);
    const today = todayInDenmark();
    const last = isoWeekStart(course.endsOn < today ? course.endsOn : today);
    const rows: { weekStart: string; granted: number; logged: number }[] = await this.db.query(
      `SELECT to_char(w, 'YYYY-MM-DD') AS "weekStart", ${GRANTED_IN_WEEK('g', 'w::date')} AS granted,
              ${LOGGED_IN_WEEK('co', 'w::date')} AS logged
         FROM mentor_course co JOIN mentor_grant g ON g.id = co.grant_id,
              generate_series($2::date, $3::date, interval '7 days') AS w
        WHERE co.id = $1 ORDER BY w`,
      [id, isoWeekStart(course.startsOn), last],
    );
    return rows.map((r) => weekBudget(r.weekStart, r.granted, r.logged, today));
  }

  /** Changes status and/or mentor under a version check; a mentor change keeps the history. */
  async change(caller: AuthenticatedUser, id: string, dto: ChangeCourseDto): Promise<CourseDetail> {
    const course = await this.get(caller, id);
    if (dto.status === CourseStatus.Ended && !dto.endReason) {
      throw new ValidationProblem([
        { field: 'endReason', messages: ['endReason is required to end a course'] },
      ]);
    }
    if (dto.endReason && dto.status !== CourseStatus.Ended) {
      throw new ValidationProblem([
        { field: 'endReason', messages: ['endReason belongs to ending a course'] },
      ]);
    }
    if (course.status === CourseStatus.Ended) {
      throw new ValidationProblem([], 'An ended course cannot change; make a new grant instead.');
    }
    const today = todayInDenmark();
    await this.db.transaction(async (tx) => {
      const changes: Partial<MentorCourse> = {};
      if (dto.mentorId && dto.mentorId !== course.mentorId) {
        await checkMentor(tx, caller, dto.mentorId, course.organisationId);
        changes.mentorId = dto.mentorId;
        await tx.query(
          `UPDATE course_mentor_period SET to_date = $2 WHERE course_id = $1 AND to_date IS NULL`,
          [id, today],
        );
        await tx.getRepository(CourseMentorPeriod).insert({
          municipalityId: caller.municipalityId,
          courseId: id,
          mentorId: dto.mentorId,
          fromDate: today < course.startsOn ? course.startsOn : today,
          changedBy: caller.id,
        });
        if (course.status === CourseStatus.Planned && !dto.status) changes.status = CourseStatus.Active;
      }
      if (dto.status) {
        if (dto.status !== CourseStatus.Planned && !(changes.mentorId ?? course.mentorId)) {
          throw new ValidationProblem([{ field: 'mentorId', messages: ['assign a mentor first'] }]);
        }
        changes.status = dto.status;
        changes.endReason = dto.endReason ?? null;
        changes.endedOn = dto.status === CourseStatus.Ended ? today : null;
        if (dto.status === CourseStatus.Ended) {
          await tx.query(
            `UPDATE course_mentor_period SET to_date = $2 WHERE course_id = $1 AND to_date IS NULL`,
            [id, today],
          );
        }
      }
      await updateWithVersion(
        tx,
        MentorCourse,
        'course',
        { id, municipalityId: caller.municipalityId },
        dto.version,
        changes,
      );
      await this.audit.record(
        caller,
        {
          action: 'course.change',
          citizenId: course.citizenId,
          entityType: 'mentor_course',
          entityId: id,
          details: { ...changes },
        },
        tx,
      );
    });
    return this.get(caller, id);
  }
}
