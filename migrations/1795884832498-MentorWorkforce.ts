import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The mentor workforce (issue 6): mentor profiles (1:1 with a mentor user), onboarding training,
 * certifications, upskilling offers, supervision sessions, recruitment requirements and the hire's
 * assessment, mentors' suggested profile changes, and the municipality's setting that assignment
 * needs a valid certification. Every table carries municipality_id, also in its unique keys.
 */
export class MentorWorkforce1795884832498 implements MigrationInterface {
  name = 'MentorWorkforce1795884832498';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "mentor_certification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "mentor_id" uuid NOT NULL, "certified_on" date NOT NULL, "renewal_due_on" date, "basis" character varying(30) array NOT NULL, "note" character varying(1000), "certified_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "uq_mentor_certification_date" UNIQUE ("municipality_id", "mentor_id", "certified_on"), CONSTRAINT "ck_mentor_certification_basis" CHECK ("basis" <@ ARRAY[\'courses_after_hiring\', \'job_competencies\', \'education\']::varchar[] AND cardinality("basis") > 0), CONSTRAINT "ck_mentor_certification_renewal" CHECK ("renewal_due_on" > "certified_on"), CONSTRAINT "pk_mentor_certification" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "mentor_profile" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "mentor_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "employee_number" character varying(40), "email" character varying(254), "gender" character varying(10), "birth_year" smallint, "education_level" character varying(30), "professional_background" character varying(30), "target_group_experience" boolean, "target_group_experience_years" smallint, "mentor_since" date, "mentor_types" character varying(20) array NOT NULL DEFAULT \'{}\', "specialisations" character varying(60) array NOT NULL DEFAULT \'{}\', "capacity_minutes_per_week" integer, "upskilling_wishes" character varying(40) array NOT NULL DEFAULT \'{}\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "uq_mentor_profile_email" UNIQUE ("municipality_id", "email"), CONSTRAINT "uq_mentor_profile_employee_number" UNIQUE ("municipality_id", "organisation_id", "employee_number"), CONSTRAINT "uq_mentor_profile_mentor" UNIQUE ("municipality_id", "mentor_id"), CONSTRAINT "ck_mentor_profile_wishes" CHECK ("upskilling_wishes" <@ ARRAY[\'motivational_resource\', \'specific_barriers\', \'goals_progression\', \'employment_oriented\', \'employment_law\', \'conversation_methods\', \'labour_market_education\', \'interdisciplinary_law\']::varchar[]), CONSTRAINT "ck_mentor_profile_mentor_types" CHECK ("mentor_types" <@ ARRAY[\'holistic\', \'retention\']::varchar[]), CONSTRAINT "ck_mentor_profile_capacity" CHECK ("capacity_minutes_per_week" >= 0), CONSTRAINT "ck_mentor_profile_experience_years" CHECK ("target_group_experience_years" BETWEEN 0 AND 100), CONSTRAINT "ck_mentor_profile_birth_year" CHECK ("birth_year" BETWEEN 1900 AND 2200), CONSTRAINT "ck_mentor_profile_background" CHECK ("professional_background" IN (\'social_worker\', \'employment_consultant\', \'other\', \'none\')), CONSTRAINT "ck_mentor_profile_education" CHECK ("education_level" IN (\'upper_secondary_or_less\', \'short_higher\', \'medium_higher\', \'long_higher\')), CONSTRAINT "ck_mentor_profile_gender" CHECK ("gender" IN (\'female\', \'male\', \'other\')), CONSTRAINT "pk_mentor_profile" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "mentor_supervision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "mentor_id" uuid NOT NULL, "kind" character varying(30) NOT NULL, "held_on" date NOT NULL, "note" character varying(1000), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "uq_mentor_supervision_session" UNIQUE ("municipality_id", "mentor_id", "kind", "held_on"), CONSTRAINT "ck_mentor_supervision_kind" CHECK ("kind" IN (\'management_supervision\', \'external_supervision\', \'collegial_sparring\', \'mentor_network\')), CONSTRAINT "pk_mentor_supervision" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "mentor_training" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "mentor_id" uuid NOT NULL, "kind" character varying(30) NOT NULL, "provider" character varying(200), "length_days" smallint, "completed_on" date, "felt_well_equipped" boolean, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "ck_mentor_training_days" CHECK ("length_days" BETWEEN 0 AND 365), CONSTRAINT "ck_mentor_training_kind" CHECK ("kind" IN (\'municipal_basic_training\', \'external_course\', \'workplace_programme\', \'shadowing\')), CONSTRAINT "pk_mentor_training" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_mentor_training_mentor" ON "mentor_training"  ("municipality_id", "mentor_id", "completed_on") ',
    );
    await queryRunner.query(
      'CREATE TABLE "mentor_upskilling" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "mentor_id" uuid NOT NULL, "topic" character varying(40) NOT NULL, "offered_on" date NOT NULL, "taken" boolean NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "uq_mentor_upskilling_offer" UNIQUE ("municipality_id", "mentor_id", "topic", "offered_on"), CONSTRAINT "ck_mentor_upskilling_topic" CHECK ("topic" IN (\'motivational_resource\', \'specific_barriers\', \'goals_progression\', \'employment_oriented\', \'employment_law\', \'conversation_methods\', \'labour_market_education\', \'interdisciplinary_law\')), CONSTRAINT "pk_mentor_upskilling" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "profile_suggestion" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "mentor_id" uuid NOT NULL, "changes" jsonb NOT NULL, "status" character varying(10) NOT NULL, "note" character varying(1000), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_profile_suggestion_decided" CHECK (("status" = \'pending\') = ("decided_at" IS NULL)), CONSTRAINT "ck_profile_suggestion_status" CHECK ("status" IN (\'pending\', \'accepted\', \'rejected\')), CONSTRAINT "pk_profile_suggestion" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_profile_suggestion_mentor" ON "profile_suggestion"  ("municipality_id", "mentor_id", "status") ',
    );
    await queryRunner.query(
      'CREATE TABLE "recruitment_requirement" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "competency" character varying(40) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_recruitment_requirement" UNIQUE ("municipality_id", "organisation_id", "competency"), CONSTRAINT "ck_recruitment_requirement_competency" CHECK ("competency" IN (\'motivational_resource\', \'relational\', \'employment_oriented\', \'target_group_knowledge\', \'empathy\', \'professional_background\')), CONSTRAINT "pk_recruitment_requirement" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "recruitment_assessment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "mentor_id" uuid NOT NULL, "competency" character varying(40) NOT NULL, "met" boolean NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_recruitment_assessment" UNIQUE ("municipality_id", "mentor_id", "competency"), CONSTRAINT "ck_recruitment_assessment_competency" CHECK ("competency" IN (\'motivational_resource\', \'relational\', \'employment_oriented\', \'target_group_knowledge\', \'empathy\', \'professional_background\')), CONSTRAINT "pk_recruitment_assessment" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'ALTER TABLE "municipality" ADD "require_certification_for_assignment" boolean NOT NULL DEFAULT false',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_certification" ADD CONSTRAINT "fk_mentor_certification_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_certification" ADD CONSTRAINT "fk_mentor_certification_mentor" FOREIGN KEY ("mentor_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_certification" ADD CONSTRAINT "fk_mentor_certification_certified_by" FOREIGN KEY ("certified_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_profile" ADD CONSTRAINT "fk_mentor_profile_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_profile" ADD CONSTRAINT "fk_mentor_profile_mentor" FOREIGN KEY ("mentor_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_profile" ADD CONSTRAINT "fk_mentor_profile_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_supervision" ADD CONSTRAINT "fk_mentor_supervision_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_supervision" ADD CONSTRAINT "fk_mentor_supervision_mentor" FOREIGN KEY ("mentor_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_training" ADD CONSTRAINT "fk_mentor_training_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_training" ADD CONSTRAINT "fk_mentor_training_mentor" FOREIGN KEY ("mentor_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_upskilling" ADD CONSTRAINT "fk_mentor_upskilling_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_upskilling" ADD CONSTRAINT "fk_mentor_upskilling_mentor" FOREIGN KEY ("mentor_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "profile_suggestion" ADD CONSTRAINT "fk_profile_suggestion_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "profile_suggestion" ADD CONSTRAINT "fk_profile_suggestion_mentor" FOREIGN KEY ("mentor_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "profile_suggestion" ADD CONSTRAINT "fk_profile_suggestion_decided_by" FOREIGN KEY ("decided_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "recruitment_requirement" ADD CONSTRAINT "fk_recruitment_requirement_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "recruitment_requirement" ADD CONSTRAINT "fk_recruitment_requirement_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "recruitment_assessment" ADD CONSTRAINT "fk_recruitment_assessment_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "recruitment_assessment" ADD CONSTRAINT "fk_recruitment_assessment_mentor" FOREIGN KEY ("mentor_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await this.addStatistics(queryRunner);
  }

  // Organisations belong to one municipality, but the planner multiplies the two conditions' selectivities
  // and takes a large organisation's 5,000 courses for 50; the load view then re-scans its per-mentor sums
  // for every mentor. Functional-dependency statistics correct the estimate.
  private async addStatistics(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE STATISTICS "st_mentor_course_organisation" (dependencies) ON "municipality_id", "organisation_id" FROM "mentor_course"',
    );
    await queryRunner.query(
      'CREATE STATISTICS "st_mentor_grant_organisation" (dependencies) ON "municipality_id", "delivering_organisation_id" FROM "mentor_grant"',
    );
    await queryRunner.query(
      'CREATE STATISTICS "st_app_user_organisation" (dependencies) ON "municipality_id", "organisation_id" FROM "app_user"',
    );
    await queryRunner.query('ANALYZE "mentor_course", "mentor_grant", "app_user"');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP STATISTICS "st_app_user_organisation"');
    await queryRunner.query('DROP STATISTICS "st_mentor_grant_organisation"');
    await queryRunner.query('DROP STATISTICS "st_mentor_course_organisation"');
    await queryRunner.query(
      'ALTER TABLE "recruitment_assessment" DROP CONSTRAINT "fk_recruitment_assessment_mentor"',
    );
    await queryRunner.query(
      'ALTER TABLE "recruitment_assessment" DROP CONSTRAINT "fk_recruitment_assessment_municipality"',
    );
    await queryRunner.query(
      'ALTER TABLE "recruitment_requirement" DROP CONSTRAINT "fk_recruitment_requirement_organisation"',
    );
    await queryRunner.query(
      'ALTER TABLE "recruitment_requirement" DROP CONSTRAINT "fk_recruitment_requirement_municipality"',
    );
    await queryRunner.query(
      'ALTER TABLE "profile_suggestion" DROP CONSTRAINT "fk_profile_suggestion_decided_by"',
    );
    await queryRunner.query(
      'ALTER TABLE "profile_suggestion" DROP CONSTRAINT "fk_profile_suggestion_mentor"',
    );
    await queryRunner.query(
      'ALTER TABLE "profile_suggestion" DROP CONSTRAINT "fk_profile_suggestion_municipality"',
    );
    await queryRunner.query('ALTER TABLE "mentor_upskilling" DROP CONSTRAINT "fk_mentor_upskilling_mentor"');
    await queryRunner.query(
      'ALTER TABLE "mentor_upskilling" DROP CONSTRAINT "fk_mentor_upskilling_municipality"',
    );
    await queryRunner.query('ALTER TABLE "mentor_training" DROP CONSTRAINT "fk_mentor_training_mentor"');
    await queryRunner.query(
      'ALTER TABLE "mentor_training" DROP CONSTRAINT "fk_mentor_training_municipality"',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_supervision" DROP CONSTRAINT "fk_mentor_supervision_mentor"',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_supervision" DROP CONSTRAINT "fk_mentor_supervision_municipality"',
    );
    await queryRunner.query('ALTER TABLE "mentor_profile" DROP CONSTRAINT "fk_mentor_profile_organisation"');
    await queryRunner.query('ALTER TABLE "mentor_profile" DROP CONSTRAINT "fk_mentor_profile_mentor"');
    await queryRunner.query('ALTER TABLE "mentor_profile" DROP CONSTRAINT "fk_mentor_profile_municipality"');
    await queryRunner.query(
      'ALTER TABLE "mentor_certification" DROP CONSTRAINT "fk_mentor_certification_certified_by"',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_certification" DROP CONSTRAINT "fk_mentor_certification_mentor"',
    );
    await queryRunner.query(
      'ALTER TABLE "mentor_certification" DROP CONSTRAINT "fk_mentor_certification_municipality"',
    );
    await queryRunner.query('ALTER TABLE "municipality" DROP COLUMN "require_certification_for_assignment"');
    await queryRunner.query('DROP TABLE "recruitment_assessment"');
    await queryRunner.query('DROP TABLE "recruitment_requirement"');
    await queryRunner.query('DROP INDEX "public"."ix_profile_suggestion_mentor"');
    await queryRunner.query('DROP TABLE "profile_suggestion"');
    await queryRunner.query('DROP TABLE "mentor_upskilling"');
    await queryRunner.query('DROP INDEX "public"."ix_mentor_training_mentor"');
    await queryRunner.query('DROP TABLE "mentor_training"');
    await queryRunner.query('DROP TABLE "mentor_supervision"');
    await queryRunner.query('DROP TABLE "mentor_profile"');
    await queryRunner.query('DROP TABLE "mentor_certification"');
  }
}
