import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Handover packets (issue 5): the caseworker's packet for each mentor period of a course, which the
 * mentor acknowledges before the first contact. Every course that already has a mentor gets an
 * acknowledged, `migrated` packet without content for its current mentor period, so its mentor can
 * go on logging contacts. The notification kinds grow by those of issue 5 (handover, shared items,
 * messages).
 */
export class HandoverPackets1795889900000 implements MigrationInterface {
  name = 'HandoverPackets1795889900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "handover_packet" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "course_id" uuid NOT NULL, "mentor_id" uuid NOT NULL, "mentor_period_id" uuid NOT NULL, "status" character varying(20) NOT NULL, "source" character varying(20) NOT NULL, "content" jsonb NOT NULL, "created_by" uuid NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE, "sent_by" uuid, "acknowledge_by" date, "acknowledged_at" TIMESTAMP WITH TIME ZONE, "acknowledged_by" uuid, "overdue_notified_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "uq_handover_packet_period" UNIQUE ("municipality_id", "mentor_period_id"), CONSTRAINT "ck_handover_packet_acknowledged" CHECK ("status" <> 'acknowledged' OR "source" = 'migrated' OR ("acknowledged_at" IS NOT NULL AND "acknowledged_by" IS NOT NULL)), CONSTRAINT "ck_handover_packet_sent" CHECK ("status" = 'draft' OR "source" = 'migrated' OR ("sent_at" IS NOT NULL AND "sent_by" IS NOT NULL AND "acknowledge_by" IS NOT NULL)), CONSTRAINT "ck_handover_packet_migrated" CHECK ("source" <> 'migrated' OR "status" = 'acknowledged'), CONSTRAINT "ck_handover_packet_source" CHECK ("source" IN ('grant', 'course', 'migrated')), CONSTRAINT "ck_handover_packet_status" CHECK ("status" IN ('draft', 'sent', 'acknowledged')), CONSTRAINT "pk_handover_packet" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_handover_packet_overdue" ON "handover_packet"  ("acknowledge_by") WHERE "status" = 'sent' AND "overdue_notified_at" IS NULL`,
    );
    await queryRunner.query(
      'CREATE INDEX "ix_handover_packet_course" ON "handover_packet"  ("municipality_id", "course_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "handover_packet" ADD CONSTRAINT "fk_handover_packet_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "handover_packet" ADD CONSTRAINT "fk_handover_packet_course" FOREIGN KEY ("course_id") REFERENCES "mentor_course"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "handover_packet" ADD CONSTRAINT "fk_handover_packet_mentor" FOREIGN KEY ("mentor_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "handover_packet" ADD CONSTRAINT "fk_handover_packet_mentor_period" FOREIGN KEY ("mentor_period_id") REFERENCES "course_mentor_period"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "handover_packet" ADD CONSTRAINT "fk_handover_packet_created_by" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "handover_packet" ADD CONSTRAINT "fk_handover_packet_sent_by" FOREIGN KEY ("sent_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "handover_packet" ADD CONSTRAINT "fk_handover_packet_acknowledged_by" FOREIGN KEY ("acknowledged_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    // The current mentor period of each course with a mentor: the latest one, if its mentor is the course's.
    await queryRunner.query(
      `INSERT INTO handover_packet (municipality_id, course_id, mentor_id, mentor_period_id, status, source, content,
                                    created_by, version)
       SELECT p.municipality_id, p.course_id, p.mentor_id, p.id, 'acknowledged', 'migrated', $1::jsonb, p.changed_by, 1
         FROM (SELECT DISTINCT ON (mp.course_id) mp.*
                 FROM course_mentor_period mp
                ORDER BY mp.course_id, mp.from_date DESC, mp.created_at DESC) p
         JOIN mentor_course co ON co.id = p.course_id AND co.mentor_id = p.mentor_id`,
      [EMPTY_CONTENT],
    );
    await queryRunner.query('ALTER TABLE "notification" DROP CONSTRAINT "ck_notification_kind"');
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "ck_notification_kind" CHECK ("kind" IN ('report_due_soon', 'report_overdue', 'report_submitted', 'report_returned', 'report_accepted', 'handover_sent', 'handover_acknowledged', 'handover_overdue', 'item_shared', 'message_received', 'sparring_requested'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM "notification" WHERE "kind" NOT IN ('report_due_soon', 'report_overdue', 'report_submitted', 'report_returned', 'report_accepted')`,
    );
    await queryRunner.query('ALTER TABLE "notification" DROP CONSTRAINT "ck_notification_kind"');
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "ck_notification_kind" CHECK ("kind" IN ('report_due_soon', 'report_overdue', 'report_submitted', 'report_returned', 'report_accepted'))`,
    );
    await queryRunner.query(
      'ALTER TABLE "handover_packet" DROP CONSTRAINT "fk_handover_packet_acknowledged_by"',
    );
    await queryRunner.query('ALTER TABLE "handover_packet" DROP CONSTRAINT "fk_handover_packet_sent_by"');
    await queryRunner.query('ALTER TABLE "handover_packet" DROP CONSTRAINT "fk_handover_packet_created_by"');
    await queryRunner.query(
      'ALTER TABLE "handover_packet" DROP CONSTRAINT "fk_handover_packet_mentor_period"',
    );
    await queryRunner.query('ALTER TABLE "handover_packet" DROP CONSTRAINT "fk_handover_packet_mentor"');
    await queryRunner.query('ALTER TABLE "handover_packet" DROP CONSTRAINT "fk_handover_packet_course"');
    await queryRunner.query(
      'ALTER TABLE "handover_packet" DROP CONSTRAINT "fk_handover_packet_municipality"',
    );
    await queryRunner.query('DROP INDEX "public"."ix_handover_packet_course"');
    await queryRunner.query('DROP INDEX "public"."ix_handover_packet_overdue"');
    await queryRunner.query('DROP TABLE "handover_packet"');
  }
}

// The empty content as of this migration (not emptyHandoverContent(), which may change later).
const EMPTY_CONTENT = JSON.stringify({
  background: '',
  purpose: '',
  goals: [],
  knownBarriers: '',
  triedBefore: '',
  contactPreferences: { meetingPlace: null, meetingPlaceReason: '', times: '', forms: [] },
  safetyNotes: '',
  otherActors: [],
  firstSteps: [],
  courseSoFar: '',
});
