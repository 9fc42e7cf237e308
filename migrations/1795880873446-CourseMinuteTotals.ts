import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-course minute totals (per ISO week and per month) and the date of the last contact, kept
 * current by a trigger on `contact`, so lists, budgets and contact logging read a few small rows
 * instead of summing a course's contacts on every request.
 */
export class CourseMinuteTotals1795880873446 implements MigrationInterface {
  name = 'CourseMinuteTotals1795880873446';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "course_minutes" ("municipality_id" uuid NOT NULL, "course_id" uuid NOT NULL, "period" character varying(5) NOT NULL, "starts_on" date NOT NULL, "minutes" integer NOT NULL, CONSTRAINT "ck_course_minutes_period" CHECK ("period" IN (\'week\', \'month\')), CONSTRAINT "pk_course_minutes" PRIMARY KEY ("municipality_id", "course_id", "period", "starts_on"))',
    );
    await queryRunner.query('ALTER TABLE "mentor_course" ADD "last_contact_date" date');
    await queryRunner.query(
      'ALTER TABLE "course_minutes" ADD CONSTRAINT "fk_course_minutes_course" FOREIGN KEY ("course_id") REFERENCES "mentor_course"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    // The one definition of a contact that counts: not deleted, and not replaced by a correction.
    await queryRunner.query(
      `CREATE VIEW counted_contact AS
         SELECT ct.id, ct.municipality_id, ct.course_id, ct.contact_date, ct.minutes, ct.form, ct.showed_up
           FROM contact ct
          WHERE ct.deleted_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM contact cx WHERE cx.corrects_contact_id = ct.id AND cx.deleted_at IS NULL)`,
    );
    // Recounts the weeks and months of the given days, and the last contact date, of one course.
    // The course row is locked first: every change of the course's contacts waits here, and each
    // statement after the lock (a fresh snapshot under READ COMMITTED) sees every committed contact,
    // so two concurrent recounts can never store a stale total.
    await queryRunner.query(
      `CREATE FUNCTION refresh_course_totals(p_course uuid, p_days date[]) RETURNS void LANGUAGE plpgsql AS $$
       DECLARE
         last_date date;
       BEGIN
         PERFORM 1 FROM mentor_course WHERE id = p_course FOR NO KEY UPDATE;
         INSERT INTO course_minutes (municipality_id, course_id, period, starts_on, minutes)
         SELECT co.municipality_id, co.id, p.period, p.starts_on,
                COALESCE((SELECT sum(cc.minutes) FROM counted_contact cc
                           WHERE cc.course_id = co.id AND cc.contact_date BETWEEN p.starts_on AND p.ends_on), 0)
           FROM mentor_course co,
                (SELECT 'week' AS period, date_trunc('week', d)::date AS starts_on, date_trunc('week', d)::date + 6 AS ends_on
                   FROM unnest(p_days) d WHERE d IS NOT NULL
                 UNION
                 SELECT 'month', date_trunc('month', d)::date, (date_trunc('month', d) + interval '1 month - 1 day')::date
                   FROM unnest(p_days) d WHERE d IS NOT NULL) p
          WHERE co.id = p_course
         ON CONFLICT (municipality_id, course_id, period, starts_on)
           DO UPDATE SET minutes = EXCLUDED.minutes WHERE course_minutes.minutes <> EXCLUDED.minutes;
         SELECT cc.contact_date INTO last_date FROM counted_contact cc
          WHERE cc.course_id = p_course ORDER BY cc.contact_date DESC LIMIT 1;
         UPDATE mentor_course SET last_contact_date = last_date
          WHERE id = p_course AND last_contact_date IS DISTINCT FROM last_date;
       END $$`,
    );
    // A correction or its deletion changes whether the corrected contact counts: its days are recounted too.
    await queryRunner.query(
      `CREATE FUNCTION contact_keep_course_totals() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE
         days date[] := '{}';
       BEGIN
         IF TG_OP = 'UPDATE' AND NEW.course_id = OLD.course_id AND NEW.contact_date = OLD.contact_date
            AND NEW.minutes = OLD.minutes AND NEW.deleted_at IS NOT DISTINCT FROM OLD.deleted_at THEN
           RETURN NULL;
         END IF;
         IF TG_OP <> 'INSERT' THEN
           days := days || OLD.contact_date || (SELECT contact_date FROM contact WHERE id = OLD.corrects_contact_id);
         END IF;
         IF TG_OP <> 'DELETE' THEN
           days := days || NEW.contact_date || (SELECT contact_date FROM contact WHERE id = NEW.corrects_contact_id);
         END IF;
         IF TG_OP = 'UPDATE' AND NEW.course_id <> OLD.course_id THEN
           PERFORM refresh_course_totals(OLD.course_id, days);
         END IF;
         PERFORM refresh_course_totals(CASE WHEN TG_OP = 'DELETE' THEN OLD.course_id ELSE NEW.course_id END, days);
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER tr_contact_course_totals AFTER INSERT OR UPDATE OR DELETE ON contact
         FOR EACH ROW EXECUTE FUNCTION contact_keep_course_totals()`,
    );
    // Recounts every course from scratch: for this migration and after bulk loads made with the trigger off.
    await queryRunner.query(
      `CREATE FUNCTION rebuild_course_totals() RETURNS void LANGUAGE plpgsql AS $$
       BEGIN
         DELETE FROM course_minutes;
         INSERT INTO course_minutes (municipality_id, course_id, period, starts_on, minutes)
         SELECT municipality_id, course_id, 'week', date_trunc('week', contact_date)::date, sum(minutes)
           FROM counted_contact GROUP BY 1, 2, 4
         UNION ALL
         SELECT municipality_id, course_id, 'month', date_trunc('month', contact_date)::date, sum(minutes)
           FROM counted_contact GROUP BY 1, 2, 4;
         UPDATE mentor_course co SET last_contact_date = l.last_date
           FROM (SELECT c.id, (SELECT max(cc.contact_date) FROM counted_contact cc WHERE cc.course_id = c.id) AS last_date
                   FROM mentor_course c) l
          WHERE l.id = co.id AND co.last_contact_date IS DISTINCT FROM l.last_date;
       END $$`,
    );
    await queryRunner.query('SELECT rebuild_course_totals()');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION rebuild_course_totals()');
    await queryRunner.query('DROP TRIGGER tr_contact_course_totals ON contact');
    await queryRunner.query('DROP FUNCTION contact_keep_course_totals()');
    await queryRunner.query('DROP FUNCTION refresh_course_totals(uuid, date[])');
    await queryRunner.query('DROP VIEW counted_contact');
    await queryRunner.query('ALTER TABLE "course_minutes" DROP CONSTRAINT "fk_course_minutes_course"');
    await queryRunner.query('ALTER TABLE "mentor_course" DROP COLUMN "last_contact_date"');
    await queryRunner.query('DROP TABLE "course_minutes"');
  }
}
