import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMentoringSchema1795873839324 implements MigrationInterface {
  name = 'CreateMentoringSchema1795873839324';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "audit_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "user_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "action" character varying(60) NOT NULL, "citizen_id" uuid, "entity_type" character varying(40), "entity_id" uuid, "details" jsonb, "request_id" character varying(128), CONSTRAINT "pk_audit_event" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_audit_event_citizen" ON "audit_event"  ("municipality_id", "citizen_id", "at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "citizen" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "cpr_encrypted" bytea NOT NULL, "cpr_hash" character(64) NOT NULL, "cpr_masked" character(11) NOT NULL, "phone" character varying(40), "email" character varying(200), "address" character varying(300), "preferred_meeting_place" character varying(20) NOT NULL, "meeting_place_reason" character varying(500), "target_group" character varying(60) NOT NULL, "caseworker_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "uq_citizen_municipality_cpr_hash" UNIQUE ("municipality_id", "cpr_hash"), CONSTRAINT "pk_citizen" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_citizen_caseworker" ON "citizen"  ("municipality_id", "caseworker_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "mentor_grant" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "citizen_id" uuid NOT NULL, "caseworker_id" uuid NOT NULL, "mentor_type" character varying(20) NOT NULL, "purpose" text NOT NULL, "tasks" text NOT NULL, "goals" jsonb NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "delivering_organisation_id" uuid NOT NULL, "reporting_interval_weeks" smallint NOT NULL DEFAULT \'4\', "renews_grant_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "ck_mentor_grant_type" CHECK ("mentor_type" IN (\'holistic\', \'retention\')), CONSTRAINT "ck_mentor_grant_period" CHECK ("ends_on" >= "starts_on" AND "ends_on" <= "starts_on" + interval \'6 months\'), CONSTRAINT "pk_mentor_grant" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_mentor_grant_organisation" ON "mentor_grant"  ("municipality_id", "delivering_organisation_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_mentor_grant_citizen" ON "mentor_grant"  ("municipality_id", "citizen_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "mentor_course" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "grant_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "mentor_id" uuid, "status" character varying(20) NOT NULL, "end_reason" character varying(40), "ended_on" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "uq_mentor_course_grant" UNIQUE ("grant_id"), CONSTRAINT "ck_mentor_course_ended" CHECK (("status" = \'ended\') = ("end_reason" IS NOT NULL)), CONSTRAINT "ck_mentor_course_status" CHECK ("status" IN (\'planned\', \'active\', \'paused\', \'ended\')), CONSTRAINT "pk_mentor_course" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_mentor_course_organisation" ON "mentor_course"  ("municipality_id", "organisation_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_mentor_course_mentor" ON "mentor_course"  ("municipality_id", "mentor_id", "status") ',
    );
    await queryRunner.query(
      'CREATE TABLE "contact" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "course_id" uuid NOT NULL, "contact_date" date NOT NULL, "start_time" TIME NOT NULL, "minutes" integer NOT NULL, "form" character varying(30) NOT NULL, "showed_up" boolean NOT NULL, "topics" character varying(30) array NOT NULL DEFAULT \'{}\', "help" character varying(40) array NOT NULL DEFAULT \'{}\', "note" character varying(1000), "transport_minutes" integer, "corrects_contact_id" uuid, "idempotency_key" character varying(100), "request_hash" character(64), "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_by" uuid, "deleted_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL, CONSTRAINT "ck_contact_minutes" CHECK ("minutes" BETWEEN 1 AND 600), CONSTRAINT "pk_contact" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_contact_idempotency" ON "contact"  ("municipality_id", "created_by", "idempotency_key") WHERE "idempotency_key" IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_contact_course_date" ON "contact"  ("course_id", "contact_date") ',
    );
    await queryRunner.query(
      'CREATE TABLE "course_mentor_period" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "course_id" uuid NOT NULL, "mentor_id" uuid NOT NULL, "from_date" date NOT NULL, "to_date" date, "changed_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_course_mentor_period" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_course_mentor_period_course" ON "course_mentor_period"  ("course_id", "from_date") ',
    );
    await queryRunner.query(
      'CREATE TABLE "grant_minutes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "grant_id" uuid NOT NULL, "minutes_per_week" integer NOT NULL, "effective_from" date NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_grant_minutes_grant_effective" UNIQUE ("grant_id", "effective_from"), CONSTRAINT "ck_grant_minutes_range" CHECK ("minutes_per_week" BETWEEN 1 AND 2400), CONSTRAINT "pk_grant_minutes" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'ALTER TABLE "citizen" ADD CONSTRAINT "fk_citizen_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "citizen" ADD CONSTRAINT "fk_citizen_caseworker" FOREIGN KEY ("caseworker_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_grant" ADD CONSTRAINT "fk_mentor_grant_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_grant" ADD CONSTRAINT "fk_mentor_grant_citizen" FOREIGN KEY ("citizen_id") REFERENCES "citizen"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_grant" ADD CONSTRAINT "fk_mentor_grant_caseworker" FOREIGN KEY ("caseworker_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_grant" ADD CONSTRAINT "fk_mentor_grant_organisation" FOREIGN KEY ("delivering_organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_grant" ADD CONSTRAINT "fk_mentor_grant_renews" FOREIGN KEY ("renews_grant_id") REFERENCES "mentor_grant"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_course" ADD CONSTRAINT "fk_mentor_course_grant" FOREIGN KEY ("grant_id") REFERENCES "mentor_grant"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_course" ADD CONSTRAINT "fk_mentor_course_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_course" ADD CONSTRAINT "fk_mentor_course_mentor" FOREIGN KEY ("mentor_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "contact" ADD CONSTRAINT "fk_contact_course" FOREIGN KEY ("course_id") REFERENCES "mentor_course"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "contact" ADD CONSTRAINT "fk_contact_corrects" FOREIGN KEY ("corrects_contact_id") REFERENCES "contact"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "contact" ADD CONSTRAINT "fk_contact_created_by" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "course_mentor_period" ADD CONSTRAINT "fk_course_mentor_period_course" FOREIGN KEY ("course_id") REFERENCES "mentor_course"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "course_mentor_period" ADD CONSTRAINT "fk_course_mentor_period_mentor" FOREIGN KEY ("mentor_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "grant_minutes" ADD CONSTRAINT "fk_grant_minutes_grant" FOREIGN KEY ("grant_id") REFERENCES "mentor_grant"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "grant_minutes" ADD CONSTRAINT "fk_grant_minutes_created_by" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    // Audit events are append-only: no one, not even the app, may change or remove one.
    await queryRunner.query(
      "CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit_event is append-only'; END $$",
    );
    await queryRunner.query(
      'CREATE TRIGGER tr_audit_event_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_event" FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER tr_audit_event_append_only ON "audit_event"');
    await queryRunner.query('DROP FUNCTION audit_event_append_only()');
    await queryRunner.query('ALTER TABLE "grant_minutes" DROP CONSTRAINT "fk_grant_minutes_created_by"');
    await queryRunner.query('ALTER TABLE "grant_minutes" DROP CONSTRAINT "fk_grant_minutes_grant"');
    await queryRunner.query(
      'ALTER TABLE "course_mentor_period" DROP CONSTRAINT "fk_course_mentor_period_mentor"',
    );
    await queryRunner.query(
      'ALTER TABLE "course_mentor_period" DROP CONSTRAINT "fk_course_mentor_period_course"',
    );
    await queryRunner.query('ALTER TABLE "contact" DROP CONSTRAINT "fk_contact_created_by"');
    await queryRunner.query('ALTER TABLE "contact" DROP CONSTRAINT "fk_contact_corrects"');
    await queryRunner.query('ALTER TABLE "contact" DROP CONSTRAINT "fk_contact_course"');
    await queryRunner.query('ALTER TABLE "mentor_course" DROP CONSTRAINT "fk_mentor_course_mentor"');
    await queryRunner.query('ALTER TABLE "mentor_course" DROP CONSTRAINT "fk_mentor_course_organisation"');
    await queryRunner.query('ALTER TABLE "mentor_course" DROP CONSTRAINT "fk_mentor_course_grant"');
    await queryRunner.query('ALTER TABLE "mentor_grant" DROP CONSTRAINT "fk_mentor_grant_renews"');
    await queryRunner.query('ALTER TABLE "mentor_grant" DROP CONSTRAINT "fk_mentor_grant_organisation"');
    await queryRunner.query('ALTER TABLE "mentor_grant" DROP CONSTRAINT "fk_mentor_grant_caseworker"');
    await queryRunner.query('ALTER TABLE "mentor_grant" DROP CONSTRAINT "fk_mentor_grant_citizen"');
    await queryRunner.query('ALTER TABLE "mentor_grant" DROP CONSTRAINT "fk_mentor_grant_municipality"');
    await queryRunner.query('ALTER TABLE "citizen" DROP CONSTRAINT "fk_citizen_caseworker"');
    await queryRunner.query('ALTER TABLE "citizen" DROP CONSTRAINT "fk_citizen_municipality"');
    await queryRunner.query('DROP TABLE "grant_minutes"');
    await queryRunner.query('DROP INDEX "public"."ix_course_mentor_period_course"');
    await queryRunner.query('DROP TABLE "course_mentor_period"');
    await queryRunner.query('DROP INDEX "public"."ix_contact_course_date"');
    await queryRunner.query('DROP INDEX "public"."uq_contact_idempotency"');
    await queryRunner.query('DROP TABLE "contact"');
    await queryRunner.query('DROP INDEX "public"."ix_mentor_course_mentor"');
    await queryRunner.query('DROP INDEX "public"."ix_mentor_course_organisation"');
    await queryRunner.query('DROP TABLE "mentor_course"');
    await queryRunner.query('DROP INDEX "public"."ix_mentor_grant_citizen"');
    await queryRunner.query('DROP INDEX "public"."ix_mentor_grant_organisation"');
    await queryRunner.query('DROP TABLE "mentor_grant"');
    await queryRunner.query('DROP INDEX "public"."ix_citizen_caseworker"');
    await queryRunner.query('DROP TABLE "citizen"');
    await queryRunner.query('DROP INDEX "public"."ix_audit_event_citizen"');
    await queryRunner.query('DROP TABLE "audit_event"');
  }
}
