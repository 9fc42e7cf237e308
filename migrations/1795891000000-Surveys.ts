import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The built-in questionnaires' responses (issue 7): citizen interviews, mentor and recruiter
 * questionnaires, each dated and tied to the organisation it concerns; the survey indicators of the
 * study are counted from them.
 */
export class Surveys1795891000000 implements MigrationInterface {
  name = 'Surveys1795891000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "survey_response" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "kind" character varying(20) NOT NULL, "answered_on" date NOT NULL, "mentor_type" character varying(20), "answers" jsonb NOT NULL, "entered_by" uuid NOT NULL, "respondent_id" uuid, "imported" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_survey_response_answers" CHECK (jsonb_typeof("answers") = 'object'), CONSTRAINT "ck_survey_response_mentor_type" CHECK ("mentor_type" IN ('holistic', 'retention')), CONSTRAINT "ck_survey_response_kind" CHECK ("kind" IN ('citizen', 'mentor', 'recruiter')), CONSTRAINT "pk_survey_response" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      'CREATE INDEX "ix_survey_response_organisation" ON "survey_response"  ("municipality_id", "organisation_id", "kind", "answered_on") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_survey_response_period" ON "survey_response"  ("municipality_id", "kind", "answered_on") ',
    );
    await queryRunner.query(
      'ALTER TABLE "survey_response" ADD CONSTRAINT "fk_survey_response_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "survey_response" ADD CONSTRAINT "fk_survey_response_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "survey_response" ADD CONSTRAINT "fk_survey_response_entered_by" FOREIGN KEY ("entered_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "survey_response" ADD CONSTRAINT "fk_survey_response_respondent" FOREIGN KEY ("respondent_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "survey_response" DROP CONSTRAINT "fk_survey_response_respondent"');
    await queryRunner.query('ALTER TABLE "survey_response" DROP CONSTRAINT "fk_survey_response_entered_by"');
    await queryRunner.query(
      'ALTER TABLE "survey_response" DROP CONSTRAINT "fk_survey_response_organisation"',
    );
    await queryRunner.query(
      'ALTER TABLE "survey_response" DROP CONSTRAINT "fk_survey_response_municipality"',
    );
    await queryRunner.query('DROP INDEX "public"."ix_survey_response_period"');
    await queryRunner.query('DROP INDEX "public"."ix_survey_response_organisation"');
    await queryRunner.query('DROP TABLE "survey_response"');
  }
}
