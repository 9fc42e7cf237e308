import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Indexes the retention job's deletions need: a deleted course, report or grant checks these referencing rows. */
export class RetentionIndexes1795903648337 implements MigrationInterface {
  name = 'RetentionIndexes1795903648337';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "ix_mentor_grant_renews" ON "mentor_grant"  ("municipality_id", "renews_grant_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_message_attachment_course" ON "message_attachment"  ("municipality_id", "course_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_notification_report" ON "notification"  ("municipality_id", "report_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_notification_course" ON "notification"  ("municipality_id", "course_id") ',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_notification_course"');
    await queryRunner.query('DROP INDEX "public"."ix_notification_report"');
    await queryRunner.query('DROP INDEX "public"."ix_message_attachment_course"');
    await queryRunner.query('DROP INDEX "public"."ix_mentor_grant_renews"');
  }
}
