import {
  addDays,
  BarrierKind,
  checkReportQuality,
  CourseStatus,
  daysBetween,
  emptyReportContent,
  GoalProgress,
  NotificationKind,
  Recommendation,
  type ReportAttendance,
  type ReportComment,
  type ReportContent,
  ReportSection,
  ReportStatus,
} from '@mentor/domain';
import type { EntityManager } from 'typeorm';
import { ATTENDANCE_JSON } from '../reports/report-queries';
import { nextReportDueOn } from '../reports/report-due';

interface DemoCourse {
  id: string;
  mentorId: string;
  caseworkerId: string;
  citizenId: string;
  startsOn: string;
  endsOn: string;
  intervalWeeks: number;
  goals: { id: string; text: string }[];
}

/** A report the quality check likes, for the grant's two demo goals. */
function goodContent(goals: DemoCourse['goals'], periodTo: string): ReportContent {
  const [first, second] = goals;
  return {
    goals: [
      ...(first
        ? [
            {
              goalId: first.id,
              status: GoalProgress.ClearProgress,
              whatHappened:
                'Borgeren er mødt op til alle aftalte samtaler i perioden og har selv ringet ved forsinkelse.',
              evidence: 'Mødte til samtale på jobcentret kl. 9 og fortalte selv om planen for ugen.',
              evidenceDate: addDays(periodTo, -3),
            },
          ]
        : []),
      ...(second
        ? [
            {
              goalId: second.id,
              status: GoalProgress.SomeProgress,
              whatHappened: 'Vi har besøgt to praktiksteder sammen, og borgeren har valgt et lager i Valby.',
              evidence: 'Var med til rundvisning på lageret og aftalte selv en prøvedag med værkføreren.',
              evidenceDate: addDays(periodTo, -6),
            },
          ]
        : []),
    ],
    barriers: [
      {
        kind: BarrierKind.Finances,
        description: 'Restance på el-regningen fylder meget og giver dårlig søvn.',
        action: 'Afdragsordning aftalt med el-selskabet; første rate er betalt.',
      },
    ],
    citizenView:
      'Borgeren siger, at det hjælper at have faste aftaler, og at praktikken virker overkommelig.',
    reviewedWithCitizen: true,
    reviewedWithCitizenOn: periodTo,
    citizenViewMissingReason: '',
    nextSteps: [
      { action: 'Prøvedag på lageret', owner: 'Borgeren', dueOn: addDays(periodTo, 10) },
      { action: 'Følge op på afdragsordningen', owner: 'Mentor', dueOn: addDays(periodTo, 14) },
    ],
    recommendation: Recommendation.Continue,
    recommendedMinutesPerWeek: null,
    recommendationReason:
      'Fremmødet er stabilt, og praktikken er lige om hjørnet; støtten bør fortsætte uændret.',
  };
}

/** The first version of the accepted demo report: vague evidence and no next steps, so it was returned. */
function weakContent(goals: DemoCourse['goals'], periodTo: string): ReportContent {
  const good = goodContent(goals, periodTo);
  return {
    ...good,
    goals: good.goals.map((goal) => ({ ...goal, evidence: 'Det går godt.', evidenceDate: null })),
    nextSteps: [],
  };
}

/**
 * Demo progression reports of `mentor.cji1` and `mentor.cji2`: an accepted report with two versions
 * (the first returned with comments) and a submitted one, both for `sagsbehandler.cji`, and a draft
 * of `mentor.cji1`. Runs only while the municipality has no reports, so it also reaches demo
 * databases made before reports existed.
 */
export async function seedDemoReports(
  tx: EntityManager,
  municipalityId: string,
  today: string,
): Promise<number> {
  const [{ n }] = await tx.query(
    'SELECT count(*)::int AS n FROM progress_report WHERE municipality_id = $1',
    [municipalityId],
  );
  if (n > 0) return 0;
  const courses: (DemoCourse & { mentor: string; caseworker: string })[] = await tx.query(
    `SELECT co.id, co.mentor_id AS "mentorId", ci.caseworker_id AS "caseworkerId", g.citizen_id AS "citizenId",
            to_char(g.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(g.ends_on, 'YYYY-MM-DD') AS "endsOn",
            g.reporting_interval_weeks AS "intervalWeeks", g.goals, m.username AS mentor, cw.username AS caseworker
       FROM mentor_course co
       JOIN app_user m ON m.id = co.mentor_id
       JOIN mentor_grant g ON g.id = co.grant_id
       JOIN citizen ci ON ci.id = g.citizen_id
       JOIN app_user cw ON cw.id = ci.caseworker_id
      WHERE co.municipality_id = $1 AND m.username IN ('mentor.cji1', 'mentor.cji2') AND co.status = 'active'
        AND g.starts_on <= $2::date
      ORDER BY g.starts_on, co.id`,
    [municipalityId, addDays(today, -15)],
  );
  const forCaseworker = courses.filter((c) => c.caseworker === 'sagsbehandler.cji');
  const accepted = forCaseworker.find((c) => c.mentor === 'mentor.cji1') ?? forCaseworker[0];
  const submitted = forCaseworker.find((c) => c !== accepted);
  const draft = courses.find((c) => c.mentor === 'mentor.cji1' && c !== accepted && c !== submitted);
  let created = 0;

  const attendance = async (course: DemoCourse, from: string, to: string): Promise<ReportAttendance> => {
    const [row] = await tx.query(
      `SELECT ${ATTENDANCE_JSON('co', 'g', '$2::date', '$3::date')} AS attendance
         FROM mentor_course co JOIN mentor_grant g ON g.id = co.grant_id WHERE co.id = $1`,
      [course.id, from, to],
    );
    return row.attendance;
  };
  const score = (course: DemoCourse, content: ReportContent, a: ReportAttendance, from: string, to: string) =>
    checkReportQuality(content, {
      goalIds: course.goals.map((g) => g.id),
      attendance: a,
      periodFrom: from,
      periodTo: to,
      today,
    }).score;
  const dueOn = (course: DemoCourse) =>
    nextReportDueOn({ status: CourseStatus.Active, ...course, reportedTo: null }) ?? today;
  const insertReport = async (
    course: DemoCourse,
    status: ReportStatus,
    periodTo: string,
    content: ReportContent,
    quality: number,
    updatedAt: string,
  ): Promise<string> => {
    const [row] = await tx.query(
      `INSERT INTO progress_report (municipality_id, course_id, period_from, period_to, due_on, status, content,
                                    quality_score, created_by, created_at, updated_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, 1) RETURNING id`,
      [
        municipalityId,
        course.id,
        course.startsOn,
        periodTo,
        dueOn(course),
        status,
        JSON.stringify(content),
        quality,
        course.mentorId,
        updatedAt,
      ],
    );
    created++;
    return row.id;
  };
  const insertVersion = async (
    reportId: string,
    course: DemoCourse,
    number: number,
    v: {
      periodTo: string;
      attendance: ReportAttendance;
      content: ReportContent;
      quality: number;
      at: string;
    },
    review?: { decision: 'returned' | 'accepted'; comments: ReportComment[] | null; at: string },
  ) => {
    await tx.query(
      `INSERT INTO progress_report_version (municipality_id, report_id, number, period_from, period_to, attendance,
                                            content, quality_score, justification, submitted_by, submitted_at,
                                            decision, comments, reviewed_by, reviewed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [
        municipalityId,
        reportId,
        number,
        course.startsOn,
        v.periodTo,
        JSON.stringify(v.attendance),
        JSON.stringify(v.content),
        v.quality,
        v.quality < 70 ? 'Sendt til tiden; dokumentationen følger ved næste samtale.' : null,
        course.mentorId,
        v.at,
        review?.decision ?? null,
        review?.comments ? JSON.stringify(review.comments) : null,
        review ? course.caseworkerId : null,
        review?.at ?? null,
      ],
    );
    created++;
  };
  const notify = async (
    userId: string,
    kind: NotificationKind,
    course: DemoCourse,
    reportId: string,
    version: number,
  ) => {
    await tx.query(
      `INSERT INTO notification (municipality_id, user_id, kind, course_id, report_id, payload, key)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
      [
        municipalityId,
        userId,
        kind,
        course.id,
        reportId,
        JSON.stringify({ version }),
        `${kind}:${reportId}:${version}`,
      ],
    );
  };
  // Four weeks from the grant start, or up to a week ago for a younger course.
  const periodEnd = (course: DemoCourse) =>
    addDays(course.startsOn, Math.min(27, daysBetween(course.startsOn, today) - 7));

  if (accepted) {
    const periodTo = periodEnd(accepted);
    const a = await attendance(accepted, accepted.startsOn, periodTo);
    const weak = weakContent(accepted.goals, periodTo);
    const good = goodContent(accepted.goals, periodTo);
    const weakScore = score(accepted, weak, a, accepted.startsOn, periodTo);
    const goodScore = score(accepted, good, a, accepted.startsOn, periodTo);
    const at = (days: number, time: string) => `${addDays(periodTo, days)}T${time}:00+01:00`;
    const id = await insertReport(accepted, ReportStatus.Accepted, periodTo, good, goodScore, at(5, '10:00'));
    await insertVersion(
      id,
      accepted,
      1,
      { periodTo, attendance: a, content: weak, quality: weakScore, at: at(1, '15:30') },
      {
        decision: 'returned',
        comments: [
          {
            section: ReportSection.Goals,
            comment: 'Skriv hvad du konkret har set ske, med dato, i stedet for "det går godt".',
          },
          { section: ReportSection.NextSteps, comment: 'Hvad er de næste skridt, og hvem gør hvad hvornår?' },
        ],
        at: at(3, '09:10'),
      },
    );
    await insertVersion(
      id,
      accepted,
      2,
      { periodTo, attendance: a, content: good, quality: goodScore, at: at(4, '11:45') },
      { decision: 'accepted', comments: null, at: at(5, '10:00') },
    );
    await notify(accepted.mentorId, NotificationKind.ReportAccepted, accepted, id, 2);
  }
  if (submitted) {
    const periodTo = addDays(today, -2);
    const a = await attendance(submitted, submitted.startsOn, periodTo);
    const content = goodContent(submitted.goals, periodTo);
    const quality = score(submitted, content, a, submitted.startsOn, periodTo);
    const at = `${addDays(today, -1)}T14:20:00+01:00`;
    const id = await insertReport(submitted, ReportStatus.Submitted, periodTo, content, quality, at);
    await insertVersion(id, submitted, 1, { periodTo, attendance: a, content, quality, at });
    await notify(submitted.caseworkerId, NotificationKind.ReportSubmitted, submitted, id, 1);
  }
  if (draft) {
    const periodTo = addDays(today, -1);
    const a = await attendance(draft, draft.startsOn, periodTo);
    const content = emptyReportContent(draft.goals.map((g) => g.id));
    const [firstGoal] = content.goals;
    if (firstGoal) {
      firstGoal.status = GoalProgress.SomeProgress;
      firstGoal.whatHappened = 'Borgeren har været til de fleste aftaler.';
    }
    content.citizenView = 'Borgeren synes, det går fint.';
    const quality = score(draft, content, a, draft.startsOn, periodTo);
    await insertReport(draft, ReportStatus.Draft, periodTo, content, quality, `${today}T08:00:00+01:00`);
  }
  return created;
}
