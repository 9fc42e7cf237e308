import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * course_minutes by municipality, period and start: the workforce load view reads the delivery
 * window's weeks of all an organisation's courses as one range instead of a lookup per course.
 * Minutes are not in the index, so the trigger's updates of a week's minutes stay HOT.
 */
export class CourseMinutesPeriodIndex1795904100000 implements MigrationInterface {
  name = 'CourseMinutesPeriodIndex1795904100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_course_minutes_period" ON "course_minutes" ("municipality_id", "period", "starts_on")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_course_minutes_period"`);
  }
}
