import type { MigrationInterface, QueryRunner } from 'typeorm';
import { REBUILD_COURSE_TOTALS } from './1795891100000-ContactIndicatorStats';
import { MINUTES_UNCHANGED } from './1795903900000-ContactTotalsFastPath';
import { COLUMNS as OVERVIEW_COLUMNS } from './1795904300000-CourseOverview';
import { NAME_COLUMNS, refreshFunction, SOURCE as NAMES_SOURCE } from './1795904500000-CourseOverviewNames';

const MINUTE_COLUMNS = [
  'logged_week_start',
  'logged_week',
  'logged_prev_week',
  'logged_month_start',
  'logged_month',
];

/**
 * The course's latest week with counted minutes (course_minutes), its minutes and the week's before
 * it, and its latest month and that month's minutes. Weeks and months after the latest have none,
 * so any week's or month's minutes from the latest on follow from these.
 */
const LATEST_MINUTES = (municipality: string, course: string) => `
  SELECT w.starts_on AS logged_week_start, COALESCE(w.minutes, 0) AS logged_week,
         COALESCE((SELECT p.minutes FROM course_minutes p
                    WHERE p.municipality_id = ${municipality} AND p.course_id = ${course}
                      AND p.period = 'week' AND p.starts_on = w.starts_on - 7), 0) AS logged_prev_week,
         m.starts_on AS logged_month_start, COALESCE(m.minutes, 0) AS logged_month
    FROM (SELECT 1) one
    LEFT JOIN LATERAL (SELECT cm.starts_on, cm.minutes FROM course_minutes cm
                        WHERE cm.municipality_id = ${municipality} AND cm.course_id = ${course} AND cm.period = 'week'
                        ORDER BY cm.starts_on DESC LIMIT 1) w ON TRUE
    LEFT JOIN LATERAL (SELECT cm.starts_on, cm.minutes FROM course_minutes cm
                        WHERE cm.municipality_id = ${municipality} AND cm.course_id = ${course} AND cm.period = 'month'
                        ORDER BY cm.starts_on DESC LIMIT 1) m ON TRUE`;

// The overview as CourseOverviewNames made it, with the latest minutes after its columns.
const SOURCE = `
  SELECT s.*, latest.*
    FROM (${NAMES_SOURCE}) s
    CROSS JOIN LATERAL (${LATEST_MINUTES('s.municipality_id', 's.id')}) latest`;

const SET_LATEST_MINUTES = `(${MINUTE_COLUMNS.join(', ')}) =
  (SELECT ${MINUTE_COLUMNS.map((c) => `latest.${c}`).join(', ')}
     FROM (${LATEST_MINUTES('co.municipality_id', 'co.id')}) latest)`;

/**
 * course_overview holds each course's latest week and month of logged minutes (LATEST_MINUTES), so a
 * course list reads this week's, last week's and this month's delivered minutes from the course's
 * overview row instead of looking each up in course_minutes: two index descents per listed course,
 * about a third of PostgreSQL's time for a caseworker's page on the national dataset.
 *
 * course_minutes follows the course's contacts (contact_keep_course_totals), so a contact trigger
 * that fires after it (triggers fire in the order of their names) copies the course's latest minutes
 * to its overview row; rebuild_course_totals copies them for every course. The test harness compares
 * the table with its source after every integration spec.
 */
export class CourseOverviewMinutes1795904600000 implements MigrationInterface {
  name = 'CourseOverviewMinutes1795904600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE OR REPLACE VIEW course_overview_source WITH (security_invoker = true) AS ${SOURCE}`,
    );
    await queryRunner.query(
      `ALTER TABLE course_overview ADD COLUMN logged_week_start date, ADD COLUMN logged_week integer,
         ADD COLUMN logged_prev_week integer, ADD COLUMN logged_month_start date, ADD COLUMN logged_month integer`,
    );
    await queryRunner.query(`UPDATE course_overview co SET ${SET_LATEST_MINUTES}`);
    await queryRunner.query(
      `ALTER TABLE course_overview ALTER COLUMN logged_week SET NOT NULL,
         ALTER COLUMN logged_prev_week SET NOT NULL, ALTER COLUMN logged_month SET NOT NULL`,
    );
    await queryRunner.query(refreshFunction([...OVERVIEW_COLUMNS, ...NAME_COLUMNS, ...MINUTE_COLUMNS]));
    // PL/pgSQL keeps the statement's plan for the session; a LANGUAGE sql function's body would be
    // planned anew on every call, which cost more than the update (0.5 ms per logged contact).
    await queryRunner.query(
      `CREATE FUNCTION refresh_course_overview_minutes(p_municipality uuid, p_course uuid) RETURNS void
         LANGUAGE plpgsql AS $$
       BEGIN
         UPDATE course_overview co SET ${SET_LATEST_MINUTES}
          WHERE co.municipality_id = p_municipality AND co.id = p_course;
       END $$`,
    );
    // The changes contact_keep_course_totals recounts on (the others change no minutes).
    await queryRunner.query(
      `CREATE FUNCTION contact_copy_minutes_to_overview() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP = 'UPDATE' AND ${MINUTES_UNCHANGED} THEN
           RETURN NULL;
         END IF;
         IF TG_OP <> 'INSERT' THEN
           PERFORM refresh_course_overview_minutes(OLD.municipality_id, OLD.course_id);
         END IF;
         IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.course_id <> OLD.course_id) THEN
           PERFORM refresh_course_overview_minutes(NEW.municipality_id, NEW.course_id);
         END IF;
         RETURN NULL;
       END $$`,
    );
    // Named to sort after tr_contact_course_totals, whose course_minutes it copies.
    await queryRunner.query(
      `CREATE TRIGGER tr_contact_overview_minutes AFTER INSERT OR UPDATE OR DELETE ON contact
         FOR EACH ROW EXECUTE FUNCTION contact_copy_minutes_to_overview()`,
    );
    await queryRunner.query(
      REBUILD_COURSE_TOTALS(true, `\n         UPDATE course_overview co SET ${SET_LATEST_MINUTES};`),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(REBUILD_COURSE_TOTALS(true));
    await queryRunner.query(`DROP TRIGGER tr_contact_overview_minutes ON contact`);
    await queryRunner.query(`DROP FUNCTION contact_copy_minutes_to_overview()`);
    await queryRunner.query(`DROP FUNCTION refresh_course_overview_minutes(uuid, uuid)`);
    await queryRunner.query(refreshFunction([...OVERVIEW_COLUMNS, ...NAME_COLUMNS]));
    await queryRunner.query(
      `ALTER TABLE course_overview ${MINUTE_COLUMNS.map((c) => `DROP COLUMN ${c}`).join(', ')}`,
    );
    // A view's columns can only be added to: the old one is made anew.
    await queryRunner.query(`DROP VIEW course_overview_source`);
    await queryRunner.query(
      `CREATE VIEW course_overview_source WITH (security_invoker = true) AS ${NAMES_SOURCE}`,
    );
    await queryRunner.query(`GRANT SELECT ON course_overview_source TO mentor_application`);
  }
}
