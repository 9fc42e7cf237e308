import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An update of a contact (`OLD` to `NEW`) that changes no course's minutes. */
export const MINUTES_UNCHANGED = `NEW.course_id = OLD.course_id AND NEW.contact_date = OLD.contact_date
            AND NEW.minutes = OLD.minutes AND NEW.deleted_at IS NOT DISTINCT FROM OLD.deleted_at`;

// contact_keep_course_totals as CourseMinuteTotals made it: recount the weeks and months a change touches.
const RECOUNT = `
         IF TG_OP = 'UPDATE' AND ${MINUTES_UNCHANGED} THEN
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
         RETURN NULL;`;

// A new contact that corrects none (what mentors log all day) counts from the start and changes no
// other contact's count: its minutes are added to its week and month, as contact_keep_indicator_stats
// adds it to its week, instead of recounting the month's contacts. Under the course's row lock, as the
// recount takes it, so an increment and a recount of the same course never interleave.
const ADD_NEW_CONTACT = `
         IF TG_OP = 'INSERT' AND NEW.corrects_contact_id IS NULL THEN
           IF NEW.deleted_at IS NULL THEN
             PERFORM 1 FROM mentor_course
              WHERE id = NEW.course_id AND municipality_id = NEW.municipality_id FOR NO KEY UPDATE;
             INSERT INTO course_minutes AS cm (municipality_id, course_id, period, starts_on, minutes)
             VALUES (NEW.municipality_id, NEW.course_id, 'week', date_trunc('week', NEW.contact_date)::date, NEW.minutes),
                    (NEW.municipality_id, NEW.course_id, 'month', date_trunc('month', NEW.contact_date)::date, NEW.minutes)
             ON CONFLICT (municipality_id, course_id, period, starts_on)
               DO UPDATE SET minutes = cm.minutes + EXCLUDED.minutes;
             UPDATE mentor_course SET last_contact_date = NEW.contact_date
              WHERE id = NEW.course_id AND municipality_id = NEW.municipality_id
                AND (last_contact_date IS NULL OR last_contact_date < NEW.contact_date);
           END IF;
           RETURN NULL;
         END IF;`;

const keepCourseTotals = (body: string) =>
  `CREATE OR REPLACE FUNCTION contact_keep_course_totals() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE
         days date[] := '{}';
       BEGIN${body}
       END $$`;

/**
 * Logging a contact adds its minutes to the course's week and month totals instead of recounting
 * them (the national contact-logging benchmark's heaviest part after the insert itself). Edits,
 * deletions and corrections still recount.
 */
export class ContactTotalsFastPath1795903900000 implements MigrationInterface {
  name = 'ContactTotalsFastPath1795903900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(keepCourseTotals(ADD_NEW_CONTACT + RECOUNT));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(keepCourseTotals(RECOUNT));
  }
}
