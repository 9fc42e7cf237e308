import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Need-to-know case access (issue 5): uploaded files (`stored_file`: facts only, the bytes are
 * encrypted on disk under a random name), the caseworker's case items (documents and notes) and
 * their shares with a course's mentor, each on a legal basis or the citizen's consent with date
 * and scope, expiring by date, by revocation, when the course ends or its mentor changes.
 */
export class CaseSharing1795890000000 implements MigrationInterface {
  name = 'CaseSharing1795890000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "stored_file" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "file_name" character varying(200) NOT NULL, "content_type" character varying(100) NOT NULL, "size_bytes" integer NOT NULL, "sha256" character(64) NOT NULL, "storage_key" character varying(64) NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_stored_file_storage_key" UNIQUE ("municipality_id", "storage_key"), CONSTRAINT "ck_stored_file_size" CHECK ("size_bytes" > 0), CONSTRAINT "ck_stored_file_content_type" CHECK ("content_type" IN ('application/pdf', 'image/png', 'image/jpeg', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.oasis.opendocument.text', 'application/vnd.oasis.opendocument.spreadsheet', 'text/plain')), CONSTRAINT "pk_stored_file" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "case_item" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "citizen_id" uuid NOT NULL, "kind" character varying(20) NOT NULL, "title" character varying(200) NOT NULL, "body" character varying(10000), "stored_file_id" uuid, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_case_item_stored_file" UNIQUE ("municipality_id", "stored_file_id"), CONSTRAINT "ck_case_item_content" CHECK (("kind" = 'document' AND "stored_file_id" IS NOT NULL AND "body" IS NULL) OR ("kind" = 'note' AND "body" IS NOT NULL AND "stored_file_id" IS NULL)), CONSTRAINT "ck_case_item_kind" CHECK ("kind" IN ('document', 'note')), CONSTRAINT "pk_case_item" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      'CREATE INDEX "ix_case_item_citizen" ON "case_item"  ("municipality_id", "citizen_id", "created_at")',
    );
    await queryRunner.query(
      `CREATE TABLE "case_share" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "course_id" uuid NOT NULL, "mentor_id" uuid NOT NULL, "item_id" uuid NOT NULL, "basis" character varying(20) NOT NULL, "legal_basis" character varying(300), "consent_given_on" date, "consent_scope" character varying(500), "expires_on" date NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_by" uuid, "shared_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_case_share_revoked" CHECK (("revoked_at" IS NULL) = ("revoked_by" IS NULL)), CONSTRAINT "ck_case_share_legal_basis" CHECK (("basis" = 'legal_basis') = ("legal_basis" IS NOT NULL)), CONSTRAINT "ck_case_share_consent" CHECK (("basis" = 'consent') = ("consent_given_on" IS NOT NULL AND "consent_scope" IS NOT NULL)), CONSTRAINT "ck_case_share_basis" CHECK ("basis" IN ('consent', 'legal_basis')), CONSTRAINT "pk_case_share" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      'CREATE INDEX "ix_case_share_item" ON "case_share"  ("municipality_id", "item_id")',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_case_share_course" ON "case_share"  ("municipality_id", "course_id", "created_at")',
    );
    await queryRunner.query(
      'ALTER TABLE "stored_file" ADD CONSTRAINT "fk_stored_file_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "stored_file" ADD CONSTRAINT "fk_stored_file_created_by" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "case_item" ADD CONSTRAINT "fk_case_item_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "case_item" ADD CONSTRAINT "fk_case_item_citizen" FOREIGN KEY ("citizen_id") REFERENCES "citizen"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "case_item" ADD CONSTRAINT "fk_case_item_stored_file" FOREIGN KEY ("stored_file_id") REFERENCES "stored_file"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "case_item" ADD CONSTRAINT "fk_case_item_created_by" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "case_share" ADD CONSTRAINT "fk_case_share_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "case_share" ADD CONSTRAINT "fk_case_share_course" FOREIGN KEY ("course_id") REFERENCES "mentor_course"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "case_share" ADD CONSTRAINT "fk_case_share_mentor" FOREIGN KEY ("mentor_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "case_share" ADD CONSTRAINT "fk_case_share_item" FOREIGN KEY ("item_id") REFERENCES "case_item"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "case_share" ADD CONSTRAINT "fk_case_share_revoked_by" FOREIGN KEY ("revoked_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "case_share" ADD CONSTRAINT "fk_case_share_shared_by" FOREIGN KEY ("shared_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "case_share" DROP CONSTRAINT "fk_case_share_shared_by"');
    await queryRunner.query('ALTER TABLE "case_share" DROP CONSTRAINT "fk_case_share_revoked_by"');
    await queryRunner.query('ALTER TABLE "case_share" DROP CONSTRAINT "fk_case_share_item"');
    await queryRunner.query('ALTER TABLE "case_share" DROP CONSTRAINT "fk_case_share_mentor"');
    await queryRunner.query('ALTER TABLE "case_share" DROP CONSTRAINT "fk_case_share_course"');
    await queryRunner.query('ALTER TABLE "case_share" DROP CONSTRAINT "fk_case_share_municipality"');
    await queryRunner.query('ALTER TABLE "case_item" DROP CONSTRAINT "fk_case_item_created_by"');
    await queryRunner.query('ALTER TABLE "case_item" DROP CONSTRAINT "fk_case_item_stored_file"');
    await queryRunner.query('ALTER TABLE "case_item" DROP CONSTRAINT "fk_case_item_citizen"');
    await queryRunner.query('ALTER TABLE "case_item" DROP CONSTRAINT "fk_case_item_municipality"');
    await queryRunner.query('ALTER TABLE "stored_file" DROP CONSTRAINT "fk_stored_file_created_by"');
    await queryRunner.query('ALTER TABLE "stored_file" DROP CONSTRAINT "fk_stored_file_municipality"');
    await queryRunner.query('DROP INDEX "public"."ix_case_share_course"');
    await queryRunner.query('DROP INDEX "public"."ix_case_share_item"');
    await queryRunner.query('DROP TABLE "case_share"');
    await queryRunner.query('DROP INDEX "public"."ix_case_item_citizen"');
    await queryRunner.query('DROP TABLE "case_item"');
    await queryRunner.query('DROP TABLE "stored_file"');
  }
}
