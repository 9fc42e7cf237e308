import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addDays,
  type CourseDetail,
  CourseStatus,
  HandoverStatus,
  type CourseSummary,
  GRANT_EXPIRY_WARNING_DAYS,
  isoWeek,
  isoWeekStart,
  NO_CONTACT_FLAG_DAYS,
  type Page,
  type WeekBudget,
} from '@mentor/domain';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ReadAuditWriter } from '../audit/read-audit.writer';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { todayInDenmark } from '../common/clock';
import { ValidationProblem } from '../common/problem';
import { NotFoundProblem, updateWithVersion } from '../common/versioned-update';
import { checkMentor } from '../grants/grants.service';
import {
  type CourseFilter,
  type CourseRow,
  courseStatement,
  GRANTED_IN_WEEK,
  LOGGED_IN,
} from './course-queries';
import { CourseMentorPeriod } from './course-mentor-period.entity';
import type { ChangeCourseDto, CourseListQueryDto } from './dto/course.dto';
import { MentorCourse } from './mentor-course.entity';
import { jsonRows, queryPrepared } from '../database/prepared';
import { isReportOverdue } from '../reports/report-due';

/** Granted against logged minutes of one week; under-delivery counts only once the week is over. */
export function weekBudget(weekStart: string, granted: number, logged: number, today: string): WeekBudget {
  return budgetOfWeek(budgetWeek(weekStart, today), granted, logged);
}

/** What a week's budgets share: its label, and whether it is over. */
interface BudgetWeek {
  week: string;
  weekStart: string;
  over: boolean;
}

function budgetWeek(weekStart: string, today: string): BudgetWeek {
  return { week: isoWeek(weekStart).label, weekStart, over: addDays(weekStart, 6) < today };
}

function budgetOfWeek({ week, weekStart, over }: BudgetWeek, granted: number, logged: number): WeekBudget {
  return {
    week,
    weekStart,
    grantedMinutes: granted,
    loggedMinutes: logged,
    overrunMinutes: Math.max(0, logged - granted),
    underDeliveredMinutes: over ? Math.max(0, granted - logged) : 0,
  };
}

/**
 * The dates every row of one answer is judged by, worked out once per request rather than per row:
 * the flags compare ISO dates as strings, as the statement's flag filters do.
 */
interface SummaryDates {
  today: string;
  thisWeek: BudgetWeek;
  lastWeek: BudgetWeek;
  /** A course whose last contact (or start) is on or before this day has had none for NO_CONTACT_FLAG_DAYS. */
  noContactSince: string;
  /** A grant ending on or before this day expires within GRANT_EXPIRY_WARNING_DAYS. */
  expiresBy: string;
}

function summaryDates(today: string, weekStart: string): SummaryDates {
  return {
    today,
    thisWeek: budgetWeek(weekStart, today),
    lastWeek: budgetWeek(addDays(weekStart, -7), today),
    noContactSince: addDays(today, -NO_CONTACT_FLAG_DAYS),
    expiresBy: addDays(today, GRANT_EXPIRY_WARNING_DAYS),
  };
}

@Injectable()
export class CoursesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly readAudit: ReadAuditWriter,
  ) {}

  /** The course statement (see courseStatement), read and audit-logged. */
  private async query(
    caller: AuthenticatedUser,
    filter: CourseFilter,
    options: Parameters<typeof courseStatement>[3],
  ): Promise<{ rows: CourseRow[]; dates: SummaryDates }> {
    const today = todayInDenmark();
    const { text, values, audit, weekStart, prepare } = courseStatement(caller, filter, today, options);
    const rows = await this.readAudit.read<CourseRow>(caller, audit, async () =>
      jsonRows<CourseRow>(
        prepare ? await queryPrepared(this.db, text, values) : await this.db.query(text, values),
      ),
    );
    return { rows, dates: summaryDates(today, weekStart) };
  }

  private summary(row: CourseRow, dates: SummaryDates): CourseSummary {
    const thisWeek = budgetOfWeek(dates.thisWeek, row.grantedMinutes, row.loggedMinutes);
    const today = dates.today;
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
      lastWeek: budgetOfWeek(dates.lastWeek, row.lastWeekGrantedMinutes, row.lastWeekLoggedMinutes),
      monthGrantedMinutes: row.monthGrantedMinutes,
      monthDeliveredMinutes: row.monthDeliveredMinutes,
      lastContactDate: row.lastContactDate,
      noRecentContact:
        row.status === CourseStatus.Active && (row.lastContactDate ?? row.startsOn) <= dates.noContactSince,
      overBudgetThisWeek: thisWeek.overrunMinutes > 0,
      expiresSoon: row.status !== CourseStatus.Ended && row.endsOn <= dates.expiresBy,
      nextReportDueOn: row.nextReportDueOn,
      reportOverdue: isReportOverdue(row.status, row.nextReportDueOn, today),
      handoverStatus: row.handover?.status ?? null,
      handoverOverdue:
        row.handover?.status === HandoverStatus.Sent &&
        row.handover.acknowledgeBy !== null &&
        row.handover.acknowledgeBy < today,
      unreadMessages: row.unreadMessages,
      needsSparring: row.needsSparring,
    };
  }

  async list(caller: AuthenticatedUser, query: CourseListQueryDto): Promise<Page<CourseSummary>> {
    const { rows, dates } = await this.query(caller, query, {
      audit: { action: 'course.list', entityType: 'mentor_course' },
    });
    return {
      items: rows.map((row) => this.summary(row, dates)),
      total: rows[0]?.total ?? 0,
      limit: query.limit,
      offset: query.offset,
    };
  }

  async get(caller: AuthenticatedUser, id: string): Promise<CourseDetail> {
    const { rows, dates } = await this.query(
      caller,
      { id, limit: 1, offset: 0 },
      { audit: { action: 'course.read', entityType: 'mentor_course' }, detail: true },
    );
    const row = rows[0];
    if (!row?.grant || !row.mentorHistory) throw new NotFoundProblem('course');
    return {
      ...this.summary(row, dates),
      grant: row.grant,
      preferredMeetingPlace: row.preferredMeetingPlace,
      endReason: row.endReason,
      endedOn: row.endedOn,
      mentorHistory: row.mentorHistory,
      version: row.version,
    };
  }

  /** The course's weeks from its start to this week (or its end): granted against logged. */
  async weeks(caller: AuthenticatedUser, id: string): Promise<WeekBudget[]> {
    // The course's period and visibility only: the detail (grant, histories) is the course page's read.
    const {
      rows: [course],
    } = await this.query(
      caller,
      { id, limit: 1, offset: 0 },
      { audit: { action: 'course.weeks', entityType: 'mentor_course' } },
    );
    if (!course) throw new NotFoundProblem('course');
    const today = todayInDenmark();
    const last = isoWeekStart(course.endsOn < today ? course.endsOn : today);
    const rows: { weekStart: string; granted: number; logged: number }[] = await this.db.query(
      `SELECT to_char(w, 'YYYY-MM-DD') AS "weekStart", ${GRANTED_IN_WEEK('g', 'w::date')} AS granted,
              ${LOGGED_IN('co', 'week', 'w::date')} AS logged
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
        {
          field: 'endReason',
          messages: ['endReason is required to end a course'],
          codes: ['course.end_reason_required'],
        },
      ]);
    }
    if (dto.endReason && dto.status !== CourseStatus.Ended) {
      throw new ValidationProblem([
        {
          field: 'endReason',
          messages: ['endReason belongs to ending a course'],
          codes: ['course.end_reason_without_end'],
        },
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
          throw new ValidationProblem([
            { field: 'mentorId', messages: ['assign a mentor first'], codes: ['course.mentor_required'] },
          ]);
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
