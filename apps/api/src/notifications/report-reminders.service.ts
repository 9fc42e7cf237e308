import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addDays, CourseStatus, NotificationKind, REPORT_DUE_SOON_DAYS, Role } from '@mentor/domain';
import type { DataSource } from 'typeorm';
import { todayInDenmark } from '../common/clock';
import { scheduleJob } from '../common/schedule';
import { AppConfig } from '../config/app-config';
import { OVERDUE_HANDOVERS_SQL } from '../handover/handover-queries';
import { NEXT_REPORT_DUE_SQL } from '../reports/report-due';

// Any fixed 64-bit number (the migrations use 7_142_015): one instance at a time runs the job.
const REMINDER_LOCK = 7_142_016;
const FIRST_RUN_DELAY_MS = 60_000;

/**
 * Notifies the mentor, the citizen's caseworker and the delivering organisation's team leaders when
 * an active course's progression report is due within REPORT_DUE_SOON_DAYS, and again once it is
 * overdue. Runs every REPORT_REMINDER_INTERVAL_MINUTES on each API instance; a transaction-level
 * advisory lock lets one instance work while the others skip, and the notification key (kind,
 * course, due date) makes a repeated run add nothing. The same run flags handover packets not
 * acknowledged by their day, once, to the mentor and the caseworker (see OVERDUE_HANDOVERS_SQL).
 */
@Injectable()
export class ReportRemindersService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ReportReminders');
  private stop?: () => void;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap() {
    if (!this.config.reportRemindersEnabled) return;
    this.stop = scheduleJob(
      this.logger,
      FIRST_RUN_DELAY_MS,
      this.config.REPORT_REMINDER_INTERVAL_MINUTES * 60_000,
      () => this.run(),
    );
  }

  onApplicationShutdown() {
    this.stop?.();
  }

  /** One run for every municipality, in one statement; `skipped` when another instance holds the lock. */
  async run(today: string = todayInDenmark()): Promise<{ skipped: boolean; created: number }> {
    return this.db.transaction(async (tx) => {
      const [{ locked }] = await tx.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [REMINDER_LOCK]);
      if (!locked) return { skipped: true, created: 0 };
      const created: unknown[] = await tx.query(
        `WITH due AS (
           SELECT co.municipality_id, co.id AS course_id, co.organisation_id, co.mentor_id, ci.caseworker_id,
                  ${NEXT_REPORT_DUE_SQL('co', 'g')} AS due_on
             FROM mentor_course co
             JOIN mentor_grant g ON g.municipality_id = co.municipality_id AND g.id = co.grant_id
             JOIN citizen ci ON ci.municipality_id = co.municipality_id AND ci.id = g.citizen_id
            WHERE co.status = '${CourseStatus.Active}'
         ), flagged AS (
           SELECT d.*, CASE WHEN d.due_on < $1::date THEN '${NotificationKind.ReportOverdue}'
                            ELSE '${NotificationKind.ReportDueSoon}' END AS kind
             FROM due d WHERE d.due_on <= $2::date
         ), recipients AS (
           SELECT f.municipality_id, f.course_id, f.due_on, f.kind, f.mentor_id AS user_id
             FROM flagged f WHERE f.mentor_id IS NOT NULL
           UNION
           SELECT f.municipality_id, f.course_id, f.due_on, f.kind, f.caseworker_id FROM flagged f
           UNION
           SELECT f.municipality_id, f.course_id, f.due_on, f.kind, u.id
             FROM flagged f
             JOIN app_user u ON u.municipality_id = f.municipality_id AND u.organisation_id = f.organisation_id
                            AND u.role = '${Role.TeamLeader}' AND u.active
         )
         INSERT INTO notification (municipality_id, user_id, kind, course_id, payload, key)
         SELECT r.municipality_id, r.user_id, r.kind, r.course_id,
                jsonb_build_object('dueOn', to_char(r.due_on, 'YYYY-MM-DD')),
                r.kind || ':' || r.course_id || ':' || to_char(r.due_on, 'YYYY-MM-DD')
           FROM recipients r
         ON CONFLICT (municipality_id, user_id, key) DO NOTHING
         RETURNING id`,
        [today, addDays(today, REPORT_DUE_SOON_DAYS)],
      );
      const handovers: unknown[] = await tx.query(OVERDUE_HANDOVERS_SQL, [today]);
      const total = created.length + handovers.length;
      if (total) this.logger.log(`Report and handover reminders: ${total} new notifications.`);
      return { skipped: false, created: total };
    });
  }
}
