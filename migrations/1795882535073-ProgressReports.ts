import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Progression reports (issue 4): the report and its submitted versions with their reviews, in-app
 * notifications, the municipality's quality threshold (and a version for changing it), and the
 * course's `reported_to`, kept by a trigger so course lists compute the next due date without a lookup.
 */
export class ProgressReports1795882535073 implements MigrationInterface {
  name = 'ProgressReports1795882535073';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "progress_report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "course_id" uuid NOT NULL, "period_from" date NOT NULL, "period_to" date NOT NULL, "due_on" date NOT NULL, "status" character varying(20) NOT NULL, "content" jsonb NOT NULL, "quality_score" smallint NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "ck_progress_report_quality" CHECK ("quality_score" BETWEEN 0 AND 100), CONSTRAINT "ck_progress_report_period" CHECK ("period_to" >= "period_from"), CONSTRAINT "ck_progress_report_status" CHECK ("status" IN ('draft', 'submitted', 'returned', 'accepted')), CONSTRAINT "pk_progress_report" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_progress_report_open" ON "progress_report"  ("municipality_id", "course_id") WHERE "status" IN ('draft', 'submitted', 'returned')`,
    );
    await queryRunner.query(
      'CREATE INDEX "ix_progress_report_due" ON "progress_report"  ("municipality_id", "due_on") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_progress_report_course" ON "progress_report"  ("municipality_id", "course_id", "period_to") ',
    );
    await queryRunner.query(
      `CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "user_id" uuid NOT NULL, "kind" character varying(30) NOT NULL, "course_id" uuid, "report_id" uuid, "payload" jsonb NOT NULL DEFAULT '{}', "key" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_notification_key" UNIQUE ("municipality_id", "user_id", "key"), CONSTRAINT "ck_notification_kind" CHECK ("kind" IN ('report_due_soon', 'report_overdue', 'report_submitted', 'report_returned', 'report_accepted')), CONSTRAINT "pk_notification" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      'CREATE INDEX "ix_notification_user" ON "notification"  ("municipality_id", "user_id", "created_at") ',
    );
    await queryRunner.query(
      `CREATE TABLE "progress_report_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "report_id" uuid NOT NULL, "number" smallint NOT NULL, "period_from" date NOT NULL, "period_to" date NOT NULL, "attendance" jsonb NOT NULL, "content" jsonb NOT NULL, "quality_score" smallint NOT NULL, "justification" text, "submitted_by" uuid NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "decision" character varying(20), "comments" jsonb, "reviewed_by" uuid, "reviewed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_progress_report_version_number" UNIQUE ("municipality_id", "report_id", "number"), CONSTRAINT "ck_progress_report_version_quality" CHECK ("quality_score" BETWEEN 0 AND 100), CONSTRAINT "ck_progress_report_version_review" CHECK (("decision" IS NULL) = ("reviewed_at" IS NULL) AND ("decision" IS NULL) = ("reviewed_by" IS NULL)), CONSTRAINT "ck_progress_report_version_decision" CHECK ("decision" IS NULL OR "decision" IN ('returned', 'accepted')), CONSTRAINT "pk_progress_report_version" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "municipality" ADD "report_quality_threshold" integer NOT NULL DEFAULT '70'`,
    );
    await queryRunner.query(`ALTER TABLE "municipality" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query('ALTER TABLE "mentor_course" ADD "reported_to" date');
    await queryRunner.query(
      'ALTER TABLE "municipality" ADD CONSTRAINT "ck_municipality_report_quality_threshold" CHECK ("report_quality_threshold" BETWEEN 0 AND 100)',
    );
    await queryRunner.query(
      'ALTER TABLE "progress_report" ADD CONSTRAINT "fk_progress_report_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "progress_report" ADD CONSTRAINT "fk_progress_report_course" FOREIGN KEY ("course_id") REFERENCES "mentor_course"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "progress_report" ADD CONSTRAINT "fk_progress_report_created_by" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "notification" ADD CONSTRAINT "fk_notification_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "notification" ADD CONSTRAINT "fk_notification_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "notification" ADD CONSTRAINT "fk_notification_course" FOREIGN KEY ("course_id") REFERENCES "mentor_course"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "notification" ADD CONSTRAINT "fk_notification_report" FOREIGN KEY ("report_id") REFERENCES "progress_report"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "progress_report_version" ADD CONSTRAINT "fk_progress_report_version_report" FOREIGN KEY ("report_id") REFERENCES "progress_report"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "progress_report_version" ADD CONSTRAINT "fk_progress_report_version_submitted_by" FOREIGN KEY ("submitted_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "progress_report_version" ADD CONSTRAINT "fk_progress_report_version_reviewed_by" FOREIGN KEY ("reviewed_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    // The last day a submitted report covers (returned ones count: they were submitted on time and
    // come back revised), recounted whenever a report's status or period changes.
    await queryRunner.query(
      `CREATE FUNCTION refresh_course_reported_to(p_course uuid) RETURNS void LANGUAGE plpgsql AS $$
       BEGIN
         UPDATE mentor_course co SET reported_to = r.reported_to
           FROM (SELECT max(pr.period_to) AS reported_to FROM progress_report pr
                  WHERE pr.course_id = p_course AND pr.status <> 'draft') r
          WHERE co.id = p_course AND co.reported_to IS DISTINCT FROM r.reported_to;
       END $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION progress_report_keep_reported_to() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP <> 'INSERT' THEN
           PERFORM refresh_course_reported_to(OLD.course_id);
         END IF;
         IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.course_id <> OLD.course_id) THEN
           PERFORM refresh_course_reported_to(NEW.course_id);
         END IF;
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER tr_progress_report_reported_to
         AFTER INSERT OR DELETE OR UPDATE OF status, period_to, course_id ON progress_report
         FOR EACH ROW EXECUTE FUNCTION progress_report_keep_reported_to()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER tr_progress_report_reported_to ON progress_report');
    await queryRunner.query('DROP FUNCTION progress_report_keep_reported_to()');
    await queryRunner.query('DROP FUNCTION refresh_course_reported_to(uuid)');
    await queryRunner.query(
      'ALTER TABLE "progress_report_version" DROP CONSTRAINT "fk_progress_report_version_reviewed_by"',
    );
    await queryRunner.query(
      'ALTER TABLE "progress_report_version" DROP CONSTRAINT "fk_progress_report_version_submitted_by"',
    );
    await queryRunner.query(
      'ALTER TABLE "progress_report_version" DROP CONSTRAINT "fk_progress_report_version_report"',
    );
    await queryRunner.query('ALTER TABLE "notification" DROP CONSTRAINT "fk_notification_report"');
    await queryRunner.query('ALTER TABLE "notification" DROP CONSTRAINT "fk_notification_course"');
    await queryRunner.query('ALTER TABLE "notification" DROP CONSTRAINT "fk_notification_user"');
    await queryRunner.query('ALTER TABLE "notification" DROP CONSTRAINT "fk_notification_municipality"');
    await queryRunner.query('ALTER TABLE "progress_report" DROP CONSTRAINT "fk_progress_report_created_by"');
    await queryRunner.query('ALTER TABLE "progress_report" DROP CONSTRAINT "fk_progress_report_course"');
    await queryRunner.query(
      'ALTER TABLE "progress_report" DROP CONSTRAINT "fk_progress_report_municipality"',
    );
    await queryRunner.query(
      'ALTER TABLE "municipality" DROP CONSTRAINT "ck_municipality_report_quality_threshold"',
    );
    await queryRunner.query('ALTER TABLE "mentor_course" DROP COLUMN "reported_to"');
    await queryRunner.query('ALTER TABLE "municipality" DROP COLUMN "version"');
    await queryRunner.query('ALTER TABLE "municipality" DROP COLUMN "report_quality_threshold"');
    await queryRunner.query('DROP TABLE "progress_report_version"');
    await queryRunner.query('DROP INDEX "public"."ix_notification_user"');
    await queryRunner.query('DROP TABLE "notification"');
    await queryRunner.query('DROP INDEX "public"."ix_progress_report_course"');
    await queryRunner.query('DROP INDEX "public"."ix_progress_report_due"');
    await queryRunner.query('DROP INDEX "public"."uq_progress_report_open"');
    await queryRunner.query('DROP TABLE "progress_report"');
  }
}
