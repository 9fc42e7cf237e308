import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Weekly contact figures per course for the indicator report (issue 7): the counted contacts where
 * the citizen showed up, by form category, topic and help area, kept by a trigger on `contact` like
 * course_minutes, so a year's report for a large municipality sums tens of thousands of small rows
 * instead of half a million contacts. rebuild_course_totals() (bulk loads call it with the triggers
 * off) now recounts these too.
 */

// The contacts that count (not deleted, not replaced by a correction) and where the citizen showed up.
const COUNTED_ATTENDED = `ct.deleted_at IS NULL AND ct.showed_up
  AND NOT EXISTS (SELECT 1 FROM contact cx WHERE cx.corrects_contact_id = ct.id AND cx.deleted_at IS NULL)`;

const HOME = `ct.form = 'in_person_home'`;
const ELSEWHERE = `ct.form IN ('in_person_jobcentre', 'in_person_provider', 'in_person_elsewhere')`;
const REMOTE = `NOT (${HOME} OR ${ELSEWHERE})`;
// ContactTopic's order (libs/domain mentoring.ts): the report reads the arrays by this index.
const TOPICS = [
  'personal_matters',
  'housing',
  'finances',
  'job_and_education',
  'activation_offer',
  'employment_goals',
  'family',
  'health',
  'other',
];

const count = (condition: string) => `count(*) FILTER (WHERE ${condition})`;
const minutes = (condition: string) => `COALESCE(sum(ct.minutes) FILTER (WHERE ${condition}), 0)`;
const hasTopic = (topic: string) => `'${topic}' = ANY(ct.topics)`;

/** The figures of a group of contacts `ct`, in the table's column order after week_start. */
const FIGURES = `count(*), sum(ct.minutes),
  ARRAY[${[HOME, ELSEWHERE, REMOTE].map(count).join(', ')}]::int[],
  ARRAY[${[HOME, ELSEWHERE, REMOTE].map(minutes).join(', ')}]::int[],
  ARRAY[${TOPICS.map((t) => count(hasTopic(t))).join(', ')}]::int[],
  ARRAY[${TOPICS.map((t) => minutes(hasTopic(t))).join(', ')}]::int[],
  ${count(`'personal_challenges' = ANY(ct.help)`)}, ${count(`'clarifying_resources' = ANY(ct.help)`)},
  min(ct.contact_date), max(ct.contact_date)`;

/** The figures of the one contact NEW, in the same order, for adding it to its week. */
const NEW_FIGURES = (() => {
  const home = `(NEW.form = 'in_person_home')::int`;
  const elsewhere = `(NEW.form IN ('in_person_jobcentre', 'in_person_provider', 'in_person_elsewhere'))::int`;
  const remote = `(1 - ${home} - ${elsewhere})`;
  const topic = (t: string) => `('${t}' = ANY(NEW.topics))::int`;
  const times = (flag: string) => `${flag} * NEW.minutes`;
  return `1, NEW.minutes,
  ARRAY[${home}, ${elsewhere}, ${remote}],
  ARRAY[${[home, elsewhere, remote].map(times).join(', ')}],
  ARRAY[${TOPICS.map(topic).join(', ')}],
  ARRAY[${TOPICS.map((t) => times(topic(t))).join(', ')}],
  ('personal_challenges' = ANY(NEW.help))::int, ('clarifying_resources' = ANY(NEW.help))::int,
  NEW.contact_date, NEW.contact_date`;
})();

const COLUMNS = `municipality_id, course_id, week_start, contacts, minutes, form_contacts, form_minutes,
  topic_contacts, topic_minutes, help_personal, help_resources, first_contact_on, last_contact_on`;

export const REBUILD_COURSE_TOTALS = (
  withStats: boolean,
  // Statements to run last (a later migration's).
  then = '',
) => `CREATE OR REPLACE FUNCTION rebuild_course_totals() RETURNS void LANGUAGE plpgsql AS $$
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
          WHERE l.id = co.id AND co.last_contact_date IS DISTINCT FROM l.last_date;${
            withStats ? '\n         PERFORM rebuild_course_contact_stats();' : ''
          }${then}
       END $$`;

export class ContactIndicatorStats1795891100000 implements MigrationInterface {
  name = 'ContactIndicatorStats1795891100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // The primary key carries every figure (INCLUDE): a report reads a course's weeks from the index
    // alone, in key order, instead of visiting a heap page per week. The first and last contact day of
    // the week tell a report whether a week cut by the period has contacts outside it.
    await queryRunner.query(
      'CREATE TABLE "course_contact_stats" ("municipality_id" uuid NOT NULL, "course_id" uuid NOT NULL, "week_start" date NOT NULL, "contacts" integer NOT NULL, "minutes" integer NOT NULL, "form_contacts" integer array NOT NULL, "form_minutes" integer array NOT NULL, "topic_contacts" integer array NOT NULL, "topic_minutes" integer array NOT NULL, "help_personal" integer NOT NULL, "help_resources" integer NOT NULL, "first_contact_on" date NOT NULL, "last_contact_on" date NOT NULL, CONSTRAINT "ck_course_contact_stats_topics" CHECK (cardinality("topic_contacts") = 9 AND cardinality("topic_minutes") = 9), CONSTRAINT "ck_course_contact_stats_forms" CHECK (cardinality("form_contacts") = 3 AND cardinality("form_minutes") = 3), CONSTRAINT "pk_course_contact_stats" PRIMARY KEY ("municipality_id", "course_id", "week_start") INCLUDE ("contacts", "minutes", "form_contacts", "form_minutes", "topic_contacts", "topic_minutes", "help_personal", "help_resources", "first_contact_on", "last_contact_on"))',
    );
    await queryRunner.query(
      'ALTER TABLE "course_contact_stats" ADD CONSTRAINT "fk_course_contact_stats_course" FOREIGN KEY ("course_id") REFERENCES "mentor_course"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    // Recounts the weeks of the given days of one course, after locking the course row as
    // refresh_course_totals does, so concurrent recounts cannot store a stale week.
    await queryRunner.query(
      `CREATE FUNCTION refresh_course_contact_stats(p_course uuid, p_days date[]) RETURNS void LANGUAGE plpgsql AS $$
       DECLARE
         weeks date[];
         municipality uuid;
       BEGIN
         SELECT municipality_id INTO municipality FROM mentor_course WHERE id = p_course FOR NO KEY UPDATE;
         SELECT array_agg(DISTINCT date_trunc('week', d)::date) INTO weeks FROM unnest(p_days) d WHERE d IS NOT NULL;
         DELETE FROM course_contact_stats
          WHERE municipality_id = municipality AND course_id = p_course AND week_start = ANY (weeks);
         INSERT INTO course_contact_stats (${COLUMNS})
         SELECT ct.municipality_id, ct.course_id, w.week_start, ${FIGURES}
           FROM unnest(weeks) w (week_start)
           JOIN contact ct ON ct.course_id = p_course AND ct.contact_date BETWEEN w.week_start AND w.week_start + 6
          WHERE ${COUNTED_ATTENDED}
          GROUP BY ct.municipality_id, ct.course_id, w.week_start;
       END $$`,
    );
    // Element-wise sum of two int arrays of the same length.
    await queryRunner.query(
      `CREATE FUNCTION int_array_add(a int[], b int[]) RETURNS int[] LANGUAGE sql IMMUTABLE AS $$
         SELECT array_agg(x + y ORDER BY i) FROM unnest(a, b) WITH ORDINALITY AS t (x, y, i)
       $$`,
    );
    // As contact_keep_course_totals, and also when the form, topics, help or attendance change. A new
    // contact (the common case) is added to its week; anything else recounts the weeks it touches.
    await queryRunner.query(
      `CREATE FUNCTION contact_keep_indicator_stats() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE
         days date[] := '{}';
       BEGIN
         IF TG_OP = 'INSERT' AND NEW.corrects_contact_id IS NULL THEN
           IF NEW.showed_up AND NEW.deleted_at IS NULL THEN
             PERFORM 1 FROM mentor_course WHERE id = NEW.course_id FOR NO KEY UPDATE;
             INSERT INTO course_contact_stats AS s (${COLUMNS})
             VALUES (NEW.municipality_id, NEW.course_id, date_trunc('week', NEW.contact_date)::date, ${NEW_FIGURES})
             ON CONFLICT ON CONSTRAINT pk_course_contact_stats DO UPDATE SET
               contacts = s.contacts + 1, minutes = s.minutes + EXCLUDED.minutes,
               form_contacts = int_array_add(s.form_contacts, EXCLUDED.form_contacts),
               form_minutes = int_array_add(s.form_minutes, EXCLUDED.form_minutes),
               topic_contacts = int_array_add(s.topic_contacts, EXCLUDED.topic_contacts),
               topic_minutes = int_array_add(s.topic_minutes, EXCLUDED.topic_minutes),
               help_personal = s.help_personal + EXCLUDED.help_personal,
               help_resources = s.help_resources + EXCLUDED.help_resources,
               first_contact_on = LEAST(s.first_contact_on, EXCLUDED.first_contact_on),
               last_contact_on = GREATEST(s.last_contact_on, EXCLUDED.last_contact_on);
           END IF;
           RETURN NULL;
         END IF;
         IF TG_OP = 'UPDATE' AND NEW.course_id = OLD.course_id AND NEW.contact_date = OLD.contact_date
            AND NEW.minutes = OLD.minutes AND NEW.form = OLD.form AND NEW.showed_up = OLD.showed_up
            AND NEW.topics = OLD.topics AND NEW.help = OLD.help
            AND NEW.deleted_at IS NOT DISTINCT FROM OLD.deleted_at THEN
           RETURN NULL;
         END IF;
         IF TG_OP <> 'INSERT' THEN
           days := days || OLD.contact_date || (SELECT contact_date FROM contact WHERE id = OLD.corrects_contact_id);
         END IF;
         IF TG_OP <> 'DELETE' THEN
           days := days || NEW.contact_date || (SELECT contact_date FROM contact WHERE id = NEW.corrects_contact_id);
         END IF;
         IF TG_OP = 'UPDATE' AND NEW.course_id <> OLD.course_id THEN
           PERFORM refresh_course_contact_stats(OLD.course_id, days);
         END IF;
         PERFORM refresh_course_contact_stats(CASE WHEN TG_OP = 'DELETE' THEN OLD.course_id ELSE NEW.course_id END, days);
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER tr_contact_indicator_stats AFTER INSERT OR UPDATE OR DELETE ON contact
         FOR EACH ROW EXECUTE FUNCTION contact_keep_indicator_stats()`,
    );
    await queryRunner.query(
      `CREATE FUNCTION rebuild_course_contact_stats() RETURNS void LANGUAGE plpgsql AS $$
       BEGIN
         DELETE FROM course_contact_stats;
         INSERT INTO course_contact_stats (${COLUMNS})
         SELECT ct.municipality_id, ct.course_id, date_trunc('week', ct.contact_date)::date, ${FIGURES}
           FROM contact ct
          WHERE ${COUNTED_ATTENDED}
          GROUP BY 1, 2, 3;
       END $$`,
    );
    await queryRunner.query(REBUILD_COURSE_TOTALS(true));
    await queryRunner.query('SELECT rebuild_course_contact_stats()');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(REBUILD_COURSE_TOTALS(false));
    await queryRunner.query('DROP FUNCTION rebuild_course_contact_stats()');
    await queryRunner.query('DROP TRIGGER tr_contact_indicator_stats ON contact');
    await queryRunner.query('DROP FUNCTION contact_keep_indicator_stats()');
    await queryRunner.query('DROP FUNCTION int_array_add(int[], int[])');
    await queryRunner.query('DROP FUNCTION refresh_course_contact_stats(uuid, date[])');
    await queryRunner.query(
      'ALTER TABLE "course_contact_stats" DROP CONSTRAINT "fk_course_contact_stats_course"',
    );
    await queryRunner.query('DROP TABLE "course_contact_stats"');
  }
}
