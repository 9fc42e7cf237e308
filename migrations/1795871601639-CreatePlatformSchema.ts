import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePlatformSchema1795871601639 implements MigrationInterface {
  name = 'CreatePlatformSchema1795871601639';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "login_attempt" ("username_key" character varying(100) NOT NULL, "failures" integer NOT NULL DEFAULT \'0\', "first_failure_at" TIMESTAMP WITH TIME ZONE NOT NULL, "blocked_until" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_login_attempt" PRIMARY KEY ("username_key"))',
    );
    await queryRunner.query(
      'CREATE TABLE "municipality" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" smallint NOT NULL, "name" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_municipality_code" UNIQUE ("code"), CONSTRAINT "pk_municipality" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "organisation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "kind" character varying(30) NOT NULL, "name" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "uq_organisation_municipality_name" UNIQUE ("municipality_id", "name"), CONSTRAINT "ck_organisation_kind" CHECK ("kind" IN (\'internal_centre\', \'external_provider\')), CONSTRAINT "pk_organisation" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_organisation_municipality" ON "organisation"  ("municipality_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "username" character varying(100) NOT NULL, "name" character varying(200) NOT NULL, "role" character varying(20) NOT NULL, "password_hash" character varying(200) NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "uq_app_user_username" UNIQUE ("username"), CONSTRAINT "ck_app_user_role" CHECK ("role" IN (\'mentor\', \'caseworker\', \'team_leader\', \'admin\')), CONSTRAINT "pk_app_user" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_app_user_municipality" ON "app_user"  ("municipality_id") ');
    await queryRunner.query('CREATE INDEX "ix_app_user_organisation" ON "app_user"  ("organisation_id") ');
    await queryRunner.query(
      'CREATE TABLE "session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" character(64) NOT NULL, "user_id" uuid NOT NULL, "municipality_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_session" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "uq_session_token_hash" ON "session"  ("token_hash") ');
    await queryRunner.query('CREATE INDEX "ix_session_user" ON "session"  ("user_id") ');
    await queryRunner.query(
      'ALTER TABLE "organisation" ADD CONSTRAINT "fk_organisation_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "app_user" ADD CONSTRAINT "fk_app_user_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "app_user" ADD CONSTRAINT "fk_app_user_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "session" ADD CONSTRAINT "fk_session_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "session" ADD CONSTRAINT "fk_session_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "session" DROP CONSTRAINT "fk_session_municipality"');
    await queryRunner.query('ALTER TABLE "session" DROP CONSTRAINT "fk_session_user"');
    await queryRunner.query('ALTER TABLE "app_user" DROP CONSTRAINT "fk_app_user_organisation"');
    await queryRunner.query('ALTER TABLE "app_user" DROP CONSTRAINT "fk_app_user_municipality"');
    await queryRunner.query('ALTER TABLE "organisation" DROP CONSTRAINT "fk_organisation_municipality"');
    await queryRunner.query('DROP INDEX "public"."ix_session_user"');
    await queryRunner.query('DROP INDEX "public"."uq_session_token_hash"');
    await queryRunner.query('DROP TABLE "session"');
    await queryRunner.query('DROP INDEX "public"."ix_app_user_organisation"');
    await queryRunner.query('DROP INDEX "public"."ix_app_user_municipality"');
    await queryRunner.query('DROP TABLE "app_user"');
    await queryRunner.query('DROP INDEX "public"."ix_organisation_municipality"');
    await queryRunner.query('DROP TABLE "organisation"');
    await queryRunner.query('DROP TABLE "municipality"');
    await queryRunner.query('DROP TABLE "login_attempt"');
  }
}
