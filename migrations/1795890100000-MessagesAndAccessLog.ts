import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Course message threads (issue 5): messages, their attachments (stored files) and read receipts,
 * and each thread's settings (needs sparring, team leaders asked in). The audit trail records the
 * actor's role and organisation at the time, for the citizen's access log; existing records take
 * them from the user, with the append-only trigger held off for that one backfill.
 */
export class MessagesAndAccessLog1795890100000 implements MigrationInterface {
  name = 'MessagesAndAccessLog1795890100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "message_thread" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "course_id" uuid NOT NULL, "needs_sparring" boolean NOT NULL DEFAULT false, "needs_sparring_set_by" uuid, "needs_sparring_set_at" TIMESTAMP WITH TIME ZONE, "team_leader_invited" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "uq_message_thread_course" UNIQUE ("municipality_id", "course_id"), CONSTRAINT "pk_message_thread" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "course_id" uuid NOT NULL, "author_id" uuid NOT NULL, "body" character varying(5000) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_message_body" CHECK (btrim("body") <> ''), CONSTRAINT "pk_message" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      'CREATE INDEX "ix_message_course" ON "message"  ("municipality_id", "course_id", "created_at", "id") ',
    );
    await queryRunner.query(
      `CREATE TABLE "message_read" ("municipality_id" uuid NOT NULL, "message_id" uuid NOT NULL, "user_id" uuid NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_message_read" PRIMARY KEY ("municipality_id", "message_id", "user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "message_attachment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "course_id" uuid NOT NULL, "message_id" uuid, "stored_file_id" uuid NOT NULL, "uploaded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_message_attachment_file" UNIQUE ("municipality_id", "stored_file_id"), CONSTRAINT "pk_message_attachment" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      'CREATE INDEX "ix_message_attachment_message" ON "message_attachment"  ("municipality_id", "message_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_message_attachment_pending" ON "message_attachment"  ("municipality_id", "course_id", "uploaded_by", "created_at") WHERE "message_id" IS NULL',
    );
    const foreignKeys: [string, string, string, string, string][] = [
      ['message_thread', 'fk_message_thread_municipality', 'municipality_id', 'municipality', 'RESTRICT'],
      ['message_thread', 'fk_message_thread_course', 'course_id', 'mentor_course', 'RESTRICT'],
      [
        'message_thread',
        'fk_message_thread_sparring_set_by',
        'needs_sparring_set_by',
        'app_user',
        'RESTRICT',
      ],
      ['message', 'fk_message_municipality', 'municipality_id', 'municipality', 'RESTRICT'],
      ['message', 'fk_message_course', 'course_id', 'mentor_course', 'RESTRICT'],
      ['message', 'fk_message_author', 'author_id', 'app_user', 'RESTRICT'],
      ['message_read', 'fk_message_read_municipality', 'municipality_id', 'municipality', 'RESTRICT'],
      ['message_read', 'fk_message_read_message', 'message_id', 'message', 'CASCADE'],
      ['message_read', 'fk_message_read_user', 'user_id', 'app_user', 'RESTRICT'],
      [
        'message_attachment',
        'fk_message_attachment_municipality',
        'municipality_id',
        'municipality',
        'RESTRICT',
      ],
      ['message_attachment', 'fk_message_attachment_course', 'course_id', 'mentor_course', 'RESTRICT'],
      ['message_attachment', 'fk_message_attachment_message', 'message_id', 'message', 'CASCADE'],
      ['message_attachment', 'fk_message_attachment_file', 'stored_file_id', 'stored_file', 'RESTRICT'],
      ['message_attachment', 'fk_message_attachment_uploaded_by', 'uploaded_by', 'app_user', 'RESTRICT'],
    ];
    for (const [table, name, column, target, onDelete] of foreignKeys) {
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${name}" FOREIGN KEY ("${column}") REFERENCES "${target}"("id") ON DELETE ${onDelete} ON UPDATE NO ACTION`,
      );
    }

    // The actor's role and organisation; records so far take the user's current ones (a user's
    // role and organisation have not changed in the app before this).
    await queryRunner.query('ALTER TABLE "audit_event" ADD "actor_role" character varying(20)');
    await queryRunner.query('ALTER TABLE "audit_event" ADD "actor_organisation_id" uuid');
    await queryRunner.query('ALTER TABLE "audit_event" DISABLE TRIGGER "tr_audit_event_append_only"');
    await queryRunner.query(
      `UPDATE "audit_event" e SET "actor_role" = u."role", "actor_organisation_id" = u."organisation_id"
         FROM "app_user" u WHERE u."id" = e."user_id"`,
    );
    await queryRunner.query('ALTER TABLE "audit_event" ENABLE TRIGGER "tr_audit_event_append_only"');
    // Users are never deleted, so every record has found its actor; NOT NULL fails loudly otherwise.
    await queryRunner.query('ALTER TABLE "audit_event" ALTER COLUMN "actor_role" SET NOT NULL');
    await queryRunner.query('ALTER TABLE "audit_event" ALTER COLUMN "actor_organisation_id" SET NOT NULL');
    await queryRunner.query(
      `ALTER TABLE "audit_event" ADD CONSTRAINT "ck_audit_event_actor_role" CHECK ("actor_role" IN ('mentor', 'caseworker', 'team_leader', 'admin'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "audit_event" DROP CONSTRAINT "ck_audit_event_actor_role"');
    await queryRunner.query('ALTER TABLE "audit_event" DROP COLUMN "actor_organisation_id"');
    await queryRunner.query('ALTER TABLE "audit_event" DROP COLUMN "actor_role"');
    for (const [table, name] of [
      ['message_attachment', 'fk_message_attachment_uploaded_by'],
      ['message_attachment', 'fk_message_attachment_file'],
      ['message_attachment', 'fk_message_attachment_message'],
      ['message_attachment', 'fk_message_attachment_course'],
      ['message_attachment', 'fk_message_attachment_municipality'],
      ['message_read', 'fk_message_read_user'],
      ['message_read', 'fk_message_read_message'],
      ['message_read', 'fk_message_read_municipality'],
      ['message', 'fk_message_author'],
      ['message', 'fk_message_course'],
      ['message', 'fk_message_municipality'],
      ['message_thread', 'fk_message_thread_sparring_set_by'],
      ['message_thread', 'fk_message_thread_course'],
      ['message_thread', 'fk_message_thread_municipality'],
    ]) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${name}"`);
    }
    await queryRunner.query('DROP INDEX "public"."ix_message_attachment_pending"');
    await queryRunner.query('DROP INDEX "public"."ix_message_attachment_message"');
    await queryRunner.query('DROP TABLE "message_attachment"');
    await queryRunner.query('DROP TABLE "message_read"');
    await queryRunner.query('DROP INDEX "public"."ix_message_course"');
    await queryRunner.query('DROP TABLE "message"');
    await queryRunner.query('DROP TABLE "message_thread"');
  }
}
