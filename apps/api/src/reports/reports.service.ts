import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  checkReportQuality,
  type CourseReporting,
  emptyReportContent,
  hasPermission,
  NotificationKind,
  Permission,
  type QualityResult,
  type ReportAttendance,
  type ReportContent,
  type ReportDetail,
  type ReportQualityRow,
  ReportStatus,
  type ReportSummary,
  Role,
} from '@mentor/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ReadAuditWriter } from '../audit/read-audit.writer';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { todayInDenmark } from '../common/clock';
import { ProblemException, ValidationProblem } from '../common/problem';
import { NotFoundProblem, updateWithVersion } from '../common/versioned-update';
import { NotificationsService } from '../notifications/notifications.service';
import type {
  AcceptReportDto,
  CreateReportDto,
  ReportQualityQueryDto,
  ReturnReportDto,
  SaveReportDto,
  SubmitReportDto,
} from './dto/report.dto';
import { ProgressReport } from './progress-report.entity';
import { isReportDueSoon, isReportOverdue, nextReportDueOn } from './report-due';
import { renderReportPdf } from './report-pdf';
import { assertTransition, contentErrors, periodErrors } from './report-rules';
import {
  courseForReportStatement,
  type CourseForReportRow,
  courseReportsStatement,
  type CourseReportsRow,
  qualityStatement,
  reportStatement,
  type ReportRow,
} from './report-queries';

function forbidden(code: string, detail: string): ProblemException {
  return new ProblemException({ status: 403, code, detail });
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as {
    code?: string;
    constraint?: string;
    driverError?: { code?: string; constraint?: string };
  };
  const code = e.driverError?.code ?? e.code;
  return code === '23505' && (e.driverError?.constraint ?? e.constraint) === constraint;
}

@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly readAudit: ReadAuditWriter,
    private readonly notifications: NotificationsService,
  ) {}

  // Reads.

  /** The course's reports, newest period first; the read is audit-logged. */
  async listForCourse(caller: AuthenticatedUser, courseId: string): Promise<ReportSummary[]> {
    const rows = await this.readAudit.query<CourseReportsRow>(
      caller,
      courseReportsStatement(caller, courseId),
    );
    if (rows.length === 0) throw new NotFoundProblem('course');
    return rows.filter((row) => row.id).map((row) => summaryOf(row as ReportSummary));
  }

  /** When the course's next report is due, and the report being written or reviewed, if any. */
  async reporting(caller: AuthenticatedUser, courseId: string): Promise<CourseReporting> {
    const [course] = await this.readAudit.query<CourseForReportRow>(
      caller,
      courseForReportStatement(caller, courseId, { audit: { action: 'report.reporting_read' } }),
    );
    if (!course) throw new NotFoundProblem('course');
    const today = todayInDenmark();
    const nextDueOn = nextReportDueOn(course);
    return {
      courseId: course.id,
      intervalWeeks: course.intervalWeeks,
      nextDueOn,
      dueSoon: isReportDueSoon(course.status, nextDueOn, today),
      overdue: isReportOverdue(course.status, nextDueOn, today),
      openReportId: course.openReportId,
    };
  }

  /** One report with its versions and reviews; audit-logged unless the caller logged the change that led here. */
  async get(caller: AuthenticatedUser, id: string, audit = true): Promise<ReportDetail> {
    const row = await this.load(caller, id, audit ? { audit: { action: 'report.read' } } : {});
    return this.detail(caller, row, todayInDenmark());
  }

  /** The accepted report as a PDF; the download is audit-logged. */
  async pdf(caller: AuthenticatedUser, id: string): Promise<{ filename: string; content: Buffer }> {
    const row = await this.load(caller, id, { audit: { action: 'report.pdf' } });
    const version = row.versions.at(-1);
    if (row.status !== ReportStatus.Accepted || !version) {
      throw new ProblemException({
        status: 409,
        code: 'report.not_accepted',
        detail: `Only an accepted report can be downloaded; this one is ${row.status}.`,
      });
    }
    const content = await renderReportPdf({
      citizenName: row.citizenName,
      cprMasked: row.cprMasked,
      mentorName: row.mentorName,
      dueOn: row.dueOn,
      goals: row.goals,
      version,
      versions: row.versions,
    });
    // No names in the file name: it ends up in download folders and browser histories.
    return { filename: `fremdriftsrapport-${row.periodTo}-${row.id.slice(0, 8)}.pdf`, content };
  }

  /** Quality figures per organisation and mentor: a team leader's own organisation, or (admin) all. */
  async quality(caller: AuthenticatedUser, query: ReportQualityQueryDto): Promise<ReportQualityRow[]> {
    if (query.to < query.from) {
      throw new ValidationProblem([
        { field: 'to', messages: ['must not be before from'], codes: ['report.quality_period_reversed'] },
      ]);
    }
    let organisationId = query.organisationId;
    if (caller.role === Role.TeamLeader) {
      if (organisationId && organisationId !== caller.organisationId)
        throw new NotFoundProblem('organisation');
      organisationId = caller.organisationId;
    } else if (caller.role !== Role.Admin) {
      throw forbidden('report.quality_forbidden', 'Quality figures are for team leaders and administrators.');
    }
    const { text, values } = qualityStatement({
      municipalityId: caller.municipalityId,
      from: query.from,
      to: query.to,
      organisationId,
    });
    const rows: (ReportQualityRow & { mentorId: string | null; mentorName: string | null })[] =
      await this.db.query(text, values);
    if (rows.length === 0 && organisationId) throw new NotFoundProblem('organisation');
    return rows.map(({ mentorId, mentorName, ...row }) =>
      mentorId ? { ...row, mentorId, mentorName: mentorName ?? '' } : row,
    );
  }

  // Changes.

  /** A new draft for the period from the day after the latest report (or the grant start) to `periodTo`. */
  async create(caller: AuthenticatedUser, courseId: string, dto: CreateReportDto): Promise<ReportDetail> {
    const today = todayInDenmark();
    const { text, values } = courseForReportStatement(caller, courseId, { attendanceTo: dto.periodTo });
    const [course] = await this.db.query<CourseForReportRow[]>(text, values);
    if (!course) throw new NotFoundProblem('course');
    if (course.mentorId !== caller.id)
      throw forbidden('report.not_course_mentor', "Only the course's mentor writes its reports.");
    if (course.openReportId) throw this.openReportExists(course.openReportStatus);
    const errors = periodErrors(course.periodFrom, dto.periodTo, today, course.endsOn);
    if (errors.length) throw new ValidationProblem(errors);
    const goalIds = course.goals.map((g) => g.id);
    const content = emptyReportContent(goalIds);
    const { score } = this.check(content, goalIds, course.attendance as ReportAttendance, {
      periodFrom: course.periodFrom,
      periodTo: dto.periodTo,
      today,
    });
    // The due date it answers; a report no date asked for (after the final one) is due when written.
    const dueOn = nextReportDueOn(course) ?? today;
    let id: string;
    try {
      id = await this.db.transaction(async (tx) => {
        const [row]: { id: string }[] = await tx.query(
          `INSERT INTO progress_report (municipality_id, course_id, period_from, period_to, due_on, status, content,
                                        quality_score, created_by, version)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1) RETURNING id`,
          [
            caller.municipalityId,
            courseId,
            course.periodFrom,
            dto.periodTo,
            dueOn,
            ReportStatus.Draft,
            JSON.stringify(content),
            score,
            caller.id,
          ],
        );
        if (!row) throw new Error('report insert returned no row');
        await this.audit.record(
          caller,
          {
            action: 'report.create',
            citizenId: course.citizenId,
            entityType: 'progress_report',
            entityId: row.id,
          },
          tx,
        );
        return row.id;
      });
    } catch (error) {
      // A concurrent create for the same course won.
      if (isUniqueViolation(error, 'uq_progress_report_open')) throw this.openReportExists(null);
      throw error;
    }
    return this.get(caller, id, false);
  }

  /** Saves the draft (or the returned report being revised), with its quality recomputed. */
  async save(caller: AuthenticatedUser, id: string, dto: SaveReportDto): Promise<ReportDetail> {
    const today = todayInDenmark();
    const row = await this.load(caller, id, { periodTo: dto.periodTo });
    this.assertCourseMentor(caller, row);
    assertTransition(row.status, 'edit');
    const periodTo = dto.periodTo ?? row.periodTo;
    const goalIds = row.goals.map((g) => g.id);
    const errors = [
      ...periodErrors(row.periodFrom, periodTo, today, row.grantEndsOn),
      ...contentErrors(dto.content, goalIds, today),
    ];
    if (errors.length) throw new ValidationProblem(errors);
    const content = plainContent(dto.content);
    const { score } = this.check(content, goalIds, row.liveAttendance as ReportAttendance, {
      periodFrom: row.periodFrom,
      periodTo,
      today,
    });
    await this.db.transaction(async (tx) => {
      await updateWithVersion(
        tx,
        ProgressReport,
        'report',
        { id, municipalityId: caller.municipalityId },
        dto.version,
        { content, periodTo, qualityScore: score },
      );
      await this.audit.record(
        caller,
        {
          action: 'report.update',
          citizenId: row.citizenId,
          entityType: 'progress_report',
          entityId: id,
          details: periodTo !== row.periodTo ? { periodTo } : undefined,
        },
        tx,
      );
    });
    return this.get(caller, id, false);
  }

  /**
   * Submits the report: attendance and quality are computed here, not taken from the client; under
   * the municipality's threshold a justification is required. The version is kept with them.
   */
  async submit(caller: AuthenticatedUser, id: string, dto: SubmitReportDto): Promise<ReportDetail> {
    const today = todayInDenmark();
    const row = await this.load(caller, id);
    this.assertCourseMentor(caller, row);
    assertTransition(row.status, 'submit');
    const periodProblems = periodErrors(row.periodFrom, row.periodTo, today, row.grantEndsOn);
    if (periodProblems.length) throw new ValidationProblem(periodProblems);
    const attendance = row.liveAttendance as ReportAttendance;
    const goalIds = row.goals.map((g) => g.id);
    const { score } = this.check(row.content, goalIds, attendance, {
      periodFrom: row.periodFrom,
      periodTo: row.periodTo,
      today,
    });
    const belowThreshold = score < row.qualityThreshold;
    const justification = dto.justification?.trim() || null;
    if (belowThreshold && !justification) {
      throw new ProblemException({
        status: 422,
        code: 'report.justification_required',
        detail: `The report scores ${score}, under the municipality's threshold of ${row.qualityThreshold}: improve it, or say why it is submitted as it is.`,
        errors: [
          {
            field: 'justification',
            messages: [`required when the quality score (${score}) is under ${row.qualityThreshold}`],
            codes: ['report.justification_required'],
          },
        ],
      });
    }
    await this.db.transaction(async (tx) => {
      await updateWithVersion(
        tx,
        ProgressReport,
        'report',
        { id, municipalityId: caller.municipalityId },
        dto.version,
        { status: ReportStatus.Submitted, qualityScore: score },
      );
      // The content as stored, under the row lock the update took: the version is what was saved.
      const [version]: { number: number }[] = await tx.query(
        `INSERT INTO progress_report_version (municipality_id, report_id, number, period_from, period_to, attendance,
                                              content, quality_score, justification, submitted_by, submitted_at)
         SELECT r.municipality_id, r.id,
                (SELECT COALESCE(max(v.number), 0) + 1 FROM progress_report_version v
                  WHERE v.municipality_id = r.municipality_id AND v.report_id = r.id),
                r.period_from, r.period_to, $3, r.content, $4, $5, $6, now()
           FROM progress_report r WHERE r.id = $1 AND r.municipality_id = $2
         RETURNING number`,
        [
          id,
          caller.municipalityId,
          JSON.stringify(attendance),
          score,
          belowThreshold ? justification : null,
          caller.id,
        ],
      );
      if (!version) throw new Error('report version insert returned no row');
      await this.notifications.add(tx, [
        {
          municipalityId: caller.municipalityId,
          userId: row.caseworkerId,
          kind: NotificationKind.ReportSubmitted,
          courseId: row.courseId,
          reportId: id,
          payload: { version: version.number },
          key: `${NotificationKind.ReportSubmitted}:${id}:${version.number}`,
        },
      ]);
      await this.audit.record(
        caller,
        {
          action: 'report.submit',
          citizenId: row.citizenId,
          entityType: 'progress_report',
          entityId: id,
          details: { version: version.number, qualityScore: score, belowThreshold },
        },
        tx,
      );
    });
    return this.get(caller, id, false);
  }

  /** The caseworker's answer to the submitted version: returned with comments, or accepted. */
  async review(
    caller: AuthenticatedUser,
    id: string,
    decision: 'returned' | 'accepted',
    dto: ReturnReportDto | AcceptReportDto,
  ): Promise<ReportDetail> {
    const row = await this.load(caller, id);
    if (caller.role !== Role.Caseworker || row.caseworkerId !== caller.id)
      throw forbidden('report.not_caseworker', "Only the citizen's caseworker reviews the report.");
    assertTransition(row.status, decision === 'returned' ? 'return' : 'accept');
    const comments =
      'comments' in dto ? dto.comments.map((c) => ({ section: c.section, comment: c.comment.trim() })) : null;
    const kind = decision === 'returned' ? NotificationKind.ReportReturned : NotificationKind.ReportAccepted;
    await this.db.transaction(async (tx) => {
      await updateWithVersion(
        tx,
        ProgressReport,
        'report',
        { id, municipalityId: caller.municipalityId },
        dto.version,
        { status: decision === 'returned' ? ReportStatus.Returned : ReportStatus.Accepted },
      );
      const [rows]: [{ number: number }[], number] = await tx.query(
        `UPDATE progress_report_version SET decision = $3, comments = $4, reviewed_by = $5, reviewed_at = now()
          WHERE municipality_id = $2 AND report_id = $1 AND decision IS NULL
            AND number = (SELECT max(number) FROM progress_report_version WHERE municipality_id = $2 AND report_id = $1)
         RETURNING number`,
        [id, caller.municipalityId, decision, comments ? JSON.stringify(comments) : null, caller.id],
      );
      const version = rows[0];
      if (!version) throw new Error('a submitted report without an open version');
      await this.notifyMentor(tx, row, kind, version.number);
      await this.audit.record(
        caller,
        {
          action: decision === 'returned' ? 'report.return' : 'report.accept',
          citizenId: row.citizenId,
          entityType: 'progress_report',
          entityId: id,
          details: { version: version.number },
        },
        tx,
      );
    });
    return this.get(caller, id, false);
  }

  // Helpers.

  private async notifyMentor(tx: EntityManager, row: ReportRow, kind: NotificationKind, version: number) {
    if (!row.courseMentorId) return;
    await this.notifications.add(tx, [
      {
        municipalityId: row.municipalityId,
        userId: row.courseMentorId,
        kind,
        courseId: row.courseId,
        reportId: row.id,
        payload: { version },
        key: `${kind}:${row.id}:${version}`,
      },
    ]);
  }

  private openReportExists(status: ReportStatus | null): ProblemException {
    return new ProblemException({
      status: 409,
      code: 'report.open_exists',
      detail: `The course already has a report being written or reviewed${status ? ` (${status})` : ''}; finish it first.`,
    });
  }

  private assertCourseMentor(caller: AuthenticatedUser, row: ReportRow) {
    if (caller.role !== Role.Mentor || row.courseMentorId !== caller.id)
      throw forbidden('report.not_course_mentor', "Only the course's mentor writes its reports.");
  }

  private async load(
    caller: AuthenticatedUser,
    id: string,
    options: Parameters<typeof reportStatement>[2] = {},
  ): Promise<ReportRow> {
    const [row] = await this.readAudit.query<ReportRow>(caller, reportStatement(caller, id, options));
    if (!row) throw new NotFoundProblem('report');
    return row;
  }

  /** The one quality check of libs/domain, with the period's attendance. */
  private check(
    content: ReportContent,
    goalIds: string[],
    attendance: ReportAttendance,
    period: { periodFrom: string; periodTo: string; today: string },
  ): QualityResult {
    return checkReportQuality(content, { goalIds, attendance, ...period });
  }

  private detail(caller: AuthenticatedUser, row: ReportRow, today: string): ReportDetail {
    const editable = row.status === ReportStatus.Draft || row.status === ReportStatus.Returned;
    const last = row.versions.at(-1);
    const attendance = (editable ? row.liveAttendance : last?.attendance) ?? emptyAttendance();
    const goalIds = row.goals.map((g) => g.id);
    const qualityScore = editable
      ? this.check(row.content, goalIds, attendance, {
          periodFrom: row.periodFrom,
          periodTo: row.periodTo,
          today,
        }).score
      : row.qualityScore;
    const isMentor =
      hasPermission(caller.role, Permission.ReportsWrite) &&
      caller.role === Role.Mentor &&
      row.courseMentorId === caller.id;
    const isCaseworker =
      hasPermission(caller.role, Permission.ReportsReview) &&
      caller.role === Role.Caseworker &&
      row.caseworkerId === caller.id;
    return {
      ...summaryOf(row),
      qualityScore,
      goals: row.goals,
      attendance,
      content: row.content,
      openComments: row.status === ReportStatus.Returned ? (last?.review?.comments ?? []) : [],
      versions: row.versions,
      qualityThreshold: row.qualityThreshold,
      can: {
        edit: isMentor && editable,
        submit: isMentor && editable,
        review: isCaseworker && row.status === ReportStatus.Submitted,
      },
    };
  }
}

function summaryOf(row: ReportSummary): ReportSummary {
  return {
    id: row.id,
    courseId: row.courseId,
    citizenId: row.citizenId,
    citizenName: row.citizenName,
    mentorName: row.mentorName,
    status: row.status,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    dueOn: row.dueOn,
    qualityScore: row.qualityScore,
    submittedAt: row.submittedAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

function emptyAttendance(): ReportAttendance {
  return { contactsHeld: 0, noShows: 0, minutesDelivered: 0, minutesGranted: 0, forms: {} };
}

/** The validated DTO as a plain object in the domain's field order, for the jsonb column. */
function plainContent(content: ReportContent): ReportContent {
  return {
    goals: content.goals.map((g) => ({
      goalId: g.goalId,
      status: g.status,
      whatHappened: g.whatHappened,
      evidence: g.evidence,
      evidenceDate: g.evidenceDate,
    })),
    barriers: content.barriers.map((b) => ({ kind: b.kind, description: b.description, action: b.action })),
    citizenView: content.citizenView,
    reviewedWithCitizen: content.reviewedWithCitizen,
    reviewedWithCitizenOn: content.reviewedWithCitizenOn,
    citizenViewMissingReason: content.citizenViewMissingReason,
    nextSteps: content.nextSteps.map((s) => ({ action: s.action, owner: s.owner, dueOn: s.dueOn })),
    recommendation: content.recommendation,
    recommendedMinutesPerWeek: content.recommendedMinutesPerWeek,
    recommendationReason: content.recommendationReason,
  };
}
