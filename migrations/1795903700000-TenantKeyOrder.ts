import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The unique keys TenantKeys widened with municipality_id take it last, so their indexes still
 * serve the lookups they served before without it (a grant's minutes history, a grant's course, sign-in by
 * username);
 * with municipality_id first those lookups fell back to reading the whole table.
 */
export class TenantKeyOrder1795903700000 implements MigrationInterface {
  name = 'TenantKeyOrder1795903700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "grant_minutes" DROP CONSTRAINT "uq_grant_minutes_grant_effective"');
    await queryRunner.query(
      'ALTER TABLE "grant_minutes" ADD CONSTRAINT "uq_grant_minutes_grant_effective" UNIQUE ("grant_id", "effective_from", "municipality_id")',
    );
    await queryRunner.query('ALTER TABLE "mentor_course" DROP CONSTRAINT "uq_mentor_course_grant"');
    await queryRunner.query(
      'ALTER TABLE "mentor_course" ADD CONSTRAINT "uq_mentor_course_grant" UNIQUE ("grant_id", "municipality_id")',
    );
    await queryRunner.query('ALTER TABLE "app_user" DROP CONSTRAINT "uq_app_user_municipality_username"');
    await queryRunner.query(
      'ALTER TABLE "app_user" ADD CONSTRAINT "uq_app_user_municipality_username" UNIQUE ("username", "municipality_id")',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "app_user" DROP CONSTRAINT "uq_app_user_municipality_username"');
    await queryRunner.query(
      'ALTER TABLE "app_user" ADD CONSTRAINT "uq_app_user_municipality_username" UNIQUE ("municipality_id", "username")',
    );
    await queryRunner.query('ALTER TABLE "mentor_course" DROP CONSTRAINT "uq_mentor_course_grant"');
    await queryRunner.query(
      'ALTER TABLE "mentor_course" ADD CONSTRAINT "uq_mentor_course_grant" UNIQUE ("municipality_id", "grant_id")',
    );
    await queryRunner.query('ALTER TABLE "grant_minutes" DROP CONSTRAINT "uq_grant_minutes_grant_effective"');
    await queryRunner.query(
      'ALTER TABLE "grant_minutes" ADD CONSTRAINT "uq_grant_minutes_grant_effective" UNIQUE ("municipality_id", "grant_id", "effective_from")',
    );
  }
}
