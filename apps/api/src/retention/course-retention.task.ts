import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CourseStatus } from '@mentor/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { FileStore } from '../files/file-store.service';
import { keptFrom } from './retention-config';
import { BATCH, deleteCourseMessages } from './retention-sql';
import {
  type BatchResult,
  deleteCount,
  inLockedBatches,
  keyArrays,
  type RetentionCounts,
  type RetentionTask,
} from './retention-task';

interface DueCourse {
  municipalityId: string;
  id: string;
  grantId: string;
}

/** Ended courses whose end lies before `$1`, oldest first, locked for the batch. */
const DUE_COURSES = `
  SELECT co.municipality_id AS "municipalityId", co.id, co.grant_id AS "grantId"
    FROM mentor_course co
   WHERE co.status = '${CourseStatus.Ended}' AND co.ended_on < $1::date
   ORDER BY co.ended_on, co.id
   LIMIT $2
   FOR UPDATE`;

/**
 * Ended courses, RETENTION_COURSE_YEARS after ended_on, with everything that hangs on them:
 * notifications about the course or its reports, case shares (the shared items stay with the
 * citizen's case: see CaseItemRetentionTask), the message thread with read receipts and attachments
 * (their stored files and encrypted files too), handover packets, mentor periods, progression
 * reports with their versions, contacts (corrections included), the weekly figures, the course,
 * and its grant with its minutes once no course of the grant remains. A grant renewing the deleted
 * one forgets which it renewed. Children go before parents, one batch of courses per transaction.
 */
@Injectable()
export class CourseRetentionTask implements RetentionTask {
  readonly kind = 'courses';

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly files: FileStore,
  ) {}

  run(now: Date): Promise<RetentionCounts> {
    const before = keptFrom(now, this.config.RETENTION_COURSE_YEARS);
    return inLockedBatches(this.db, this.files, (tx) => this.batch(tx, before));
  }

  private async batch(tx: EntityManager, before: string): Promise<BatchResult> {
    const size = this.config.RETENTION_BATCH_SIZE;
    const courses = await tx.query<DueCourse[]>(DUE_COURSES, [before, size]);
    if (courses.length === 0) return { counts: {}, storageKeys: [], more: false };
    const keys = keyArrays(courses);
    const del = (sql: string) => deleteCount(tx, sql, keys);
    const byCourse = (table: string) =>
      del(
        `DELETE FROM ${table} x USING ${BATCH} WHERE x.municipality_id = b.municipality_id AND x.course_id = b.id`,
      );

    const notifications =
      (await del(
        `DELETE FROM notification n USING ${BATCH}, progress_report r
          WHERE r.municipality_id = b.municipality_id AND r.course_id = b.id
            AND n.municipality_id = r.municipality_id AND n.report_id = r.id`,
      )) + (await byCourse('notification'));
    const caseShares = await byCourse('case_share');
    const messages = await deleteCourseMessages(tx, keys);
    const handoverPackets = await byCourse('handover_packet');
    const mentorPeriods = await byCourse('course_mentor_period');
    const reportVersions = await del(
      `DELETE FROM progress_report_version v USING ${BATCH}, progress_report r
        WHERE r.municipality_id = b.municipality_id AND r.course_id = b.id
          AND v.municipality_id = r.municipality_id AND v.report_id = r.id`,
    );
    const reports = await byCourse('progress_report');
    // One statement takes corrections and the contacts they correct together. The contact triggers
    // refresh the weekly figures as rows go, so those are deleted after.
    const contacts = await byCourse('contact');
    await byCourse('course_minutes');
    await byCourse('course_contact_stats');
    const deletedCourses = await del(
      `DELETE FROM mentor_course co USING ${BATCH} WHERE co.municipality_id = b.municipality_id AND co.id = b.id`,
    );
    const grants = await this.deleteOrphanedGrants(tx, courses);

    return {
      counts: {
        courses: deletedCourses,
        ...grants,
        contacts,
        reports,
        reportVersions,
        handoverPackets,
        mentorPeriods,
        caseShares,
        notifications,
        ...messages.counts,
      },
      storageKeys: messages.storageKeys,
      more: courses.length === size,
    };
  }

  /** The batch's grants no course refers to any more, with their minutes. */
  private async deleteOrphanedGrants(tx: EntityManager, courses: DueCourse[]): Promise<RetentionCounts> {
    const grantKeys: [string[], string[]] = [
      courses.map((c) => c.municipalityId),
      courses.map((c) => c.grantId),
    ];
    const orphaned = await tx.query<{ municipalityId: string; id: string }[]>(
      `SELECT g.municipality_id AS "municipalityId", g.id
         FROM mentor_grant g JOIN ${BATCH} ON g.municipality_id = b.municipality_id AND g.id = b.id
        WHERE NOT EXISTS (SELECT 1 FROM mentor_course c WHERE c.municipality_id = g.municipality_id AND c.grant_id = g.id)
        FOR UPDATE OF g`,
      grantKeys,
    );
    if (orphaned.length === 0) return { grants: 0, grantMinutes: 0 };
    const keys = keyArrays(orphaned);
    await tx.query(
      `UPDATE mentor_grant g SET renews_grant_id = NULL FROM ${BATCH}
        WHERE g.municipality_id = b.municipality_id AND g.renews_grant_id = b.id`,
      keys,
    );
    const grantMinutes = await deleteCount(
      tx,
      `DELETE FROM grant_minutes gm USING ${BATCH} WHERE gm.municipality_id = b.municipality_id AND gm.grant_id = b.id`,
      keys,
    );
    const grants = await deleteCount(
      tx,
      `DELETE FROM mentor_grant g USING ${BATCH} WHERE g.municipality_id = b.municipality_id AND g.id = b.id`,
      keys,
    );
    return { grants, grantMinutes };
  }
}

/**
 * Messages and attachments of ended courses, RETENTION_MESSAGE_YEARS after ended_on, when that is
 * shorter than the course's period (otherwise CourseRetentionTask, which runs first, took them).
 */
@Injectable()
export class MessageRetentionTask implements RetentionTask {
  readonly kind = 'messages';

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly files: FileStore,
  ) {}

  run(now: Date): Promise<RetentionCounts> {
    const before = keptFrom(now, this.config.RETENTION_MESSAGE_YEARS);
    return inLockedBatches(this.db, this.files, (tx) => this.batch(tx, before));
  }

  private async batch(tx: EntityManager, before: string): Promise<BatchResult> {
    const size = this.config.RETENTION_BATCH_SIZE;
    const courses = await tx.query<{ municipalityId: string; id: string }[]>(
      `SELECT co.municipality_id AS "municipalityId", co.id
         FROM mentor_course co
        WHERE co.status = '${CourseStatus.Ended}' AND co.ended_on < $1::date
          AND (EXISTS (SELECT 1 FROM message_thread t WHERE t.municipality_id = co.municipality_id AND t.course_id = co.id)
               OR EXISTS (SELECT 1 FROM message m WHERE m.municipality_id = co.municipality_id AND m.course_id = co.id)
               OR EXISTS (SELECT 1 FROM message_attachment a
                           WHERE a.municipality_id = co.municipality_id AND a.course_id = co.id))
        ORDER BY co.ended_on, co.id
        LIMIT $2
        FOR UPDATE OF co`,
      [before, size],
    );
    if (courses.length === 0) return { counts: {}, storageKeys: [], more: false };
    const { counts, storageKeys } = await deleteCourseMessages(tx, keyArrays(courses));
    return { counts, storageKeys, more: courses.length === size };
  }
}
