import type { MigrationInterface, QueryRunner } from 'typeorm';
import { COLUMNS as OVERVIEW_COLUMNS, SOURCE as OVERVIEW_SOURCE } from './1795904300000-CourseOverview';

export const NAME_COLUMNS = ['mentor_name', 'organisation_name'];

// The overview as CourseOverview made it, with the names of the course's mentor and delivering
// organisation after its columns (a view's new columns go last).
export const SOURCE = `
  SELECT s.*, m.name AS mentor_name, o.name AS organisation_name
    FROM (${OVERVIEW_SOURCE}) s
    JOIN organisation o ON o.municipality_id = s.municipality_id AND o.id = s.organisation_id
    LEFT JOIN app_user m ON m.municipality_id = s.municipality_id AND m.id = s.mentor_id`;

export const refreshFunction = (columns: string[]) =>
  `CREATE OR REPLACE FUNCTION refresh_course_overview(courses uuid[]) RETURNS void LANGUAGE sql AS $$
     INSERT INTO course_overview SELECT * FROM course_overview_source s WHERE s.id = ANY (courses)
     ON CONFLICT (id, municipality_id) DO UPDATE
       SET (${columns.join(', ')}) = ROW(${columns.map((c) => `EXCLUDED.${c}`).join(', ')}) $$`;

/** The courses whose overview rows show a renamed user (as mentor) or organisation. */
const RENAMED: { table: string; courses: string }[] = [
  {
    table: 'app_user',
    courses: `SELECT co.id FROM changed n JOIN old_rows o ON o.id = n.id AND o.municipality_id = n.municipality_id
                JOIN mentor_course co ON co.municipality_id = n.municipality_id AND co.mentor_id = n.id
               WHERE n.name IS DISTINCT FROM o.name`,
  },
  {
    table: 'organisation',
    courses: `SELECT co.id FROM changed n JOIN old_rows o ON o.id = n.id AND o.municipality_id = n.municipality_id
                JOIN mentor_course co ON co.municipality_id = n.municipality_id AND co.organisation_id = n.id
               WHERE n.name IS DISTINCT FROM o.name`,
  },
];

/**
 * course_overview also holds the names of the course's mentor and delivering organisation, so a
 * course list reads no app_user or organisation row per course (on the national dataset about a
 * fifth of a caseworker's page's buffers). Renaming a user or an organisation refreshes the rows
 * that show the name.
 */
export class CourseOverviewNames1795904500000 implements MigrationInterface {
  name = 'CourseOverviewNames1795904500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE OR REPLACE VIEW course_overview_source WITH (security_invoker = true) AS ${SOURCE}`,
    );
    await queryRunner.query(
      `ALTER TABLE course_overview ADD COLUMN mentor_name varchar(200), ADD COLUMN organisation_name varchar(200)`,
    );
    await queryRunner.query(
      `UPDATE course_overview co SET mentor_name = s.mentor_name, organisation_name = s.organisation_name
         FROM course_overview_source s WHERE s.id = co.id AND s.municipality_id = co.municipality_id`,
    );
    await queryRunner.query(`ALTER TABLE course_overview ALTER COLUMN organisation_name SET NOT NULL`);
    await queryRunner.query(refreshFunction([...OVERVIEW_COLUMNS, ...NAME_COLUMNS]));
    for (const { table, courses } of RENAMED) {
      await queryRunner.query(
        `CREATE FUNCTION ${table}_rename_course_overview() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           PERFORM refresh_course_overview(ARRAY(${courses}));
           RETURN NULL;
         END $$`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_rename_course_overview AFTER UPDATE ON ${table}
           REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed
           FOR EACH STATEMENT EXECUTE FUNCTION ${table}_rename_course_overview()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table } of [...RENAMED].reverse()) {
      await queryRunner.query(`DROP TRIGGER ${table}_rename_course_overview ON ${table}`);
      await queryRunner.query(`DROP FUNCTION ${table}_rename_course_overview()`);
    }
    await queryRunner.query(refreshFunction(OVERVIEW_COLUMNS));
    await queryRunner.query(
      `ALTER TABLE course_overview DROP COLUMN organisation_name, DROP COLUMN mentor_name`,
    );
    // A view's columns can only be added to: the old one is made anew.
    await queryRunner.query(`DROP VIEW course_overview_source`);
    await queryRunner.query(
      `CREATE VIEW course_overview_source WITH (security_invoker = true) AS ${OVERVIEW_SOURCE}`,
    );
    await queryRunner.query(`GRANT SELECT ON course_overview_source TO mentor_application`);
  }
}
