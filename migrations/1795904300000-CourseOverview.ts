import type { MigrationInterface, QueryRunner } from 'typeorm';

const APPLICATION_ROLE = 'mentor_application';
const TENANT_POLICY = `((SELECT app_all_tenants()) OR "municipality_id" = (SELECT app_tenant()))`;

/**
 * What a course list shows of a course, from its course, grant, citizen, grant minutes, current
 * handover packet and message thread. Everything but what depends on the day (this week's minutes)
 * or on the reader (unread messages). The caller's row-level security applies (security_invoker).
 */
export const SOURCE = `
  SELECT co.id, co.municipality_id, co.grant_id, g.citizen_id, ci.caseworker_id, co.mentor_id, co.organisation_id,
         co.status, co.end_reason, co.ended_on, co.version, co.last_contact_date, co.reported_to,
         ci.name AS citizen_name, ci.cpr_masked, ci.preferred_meeting_place,
         g.mentor_type, g.starts_on, g.ends_on, g.reporting_interval_weeks,
         hp.status AS handover_status, hp.acknowledge_by AS handover_acknowledge_by,
         COALESCE(t.needs_sparring, false) AS needs_sparring,
         minutes.effective_from AS minutes_from, minutes.per_week AS minutes_per_week, minutes.until AS minutes_until
    FROM mentor_course co
    JOIN mentor_grant g ON g.municipality_id = co.municipality_id AND g.id = co.grant_id
    JOIN citizen ci ON ci.municipality_id = co.municipality_id AND ci.id = g.citizen_id
    LEFT JOIN message_thread t ON t.municipality_id = co.municipality_id AND t.course_id = co.id
    LEFT JOIN handover_packet hp ON hp.municipality_id = co.municipality_id AND hp.mentor_id = co.mentor_id
     AND hp.mentor_period_id = (SELECT mp.id FROM course_mentor_period mp
                                 WHERE mp.municipality_id = co.municipality_id AND mp.course_id = co.id
                                 ORDER BY mp.from_date DESC, mp.created_at DESC LIMIT 1)
    CROSS JOIN LATERAL (
      SELECT COALESCE(array_agg(h.effective_from ORDER BY h.effective_from), '{}') AS effective_from,
             COALESCE(array_agg(h.minutes_per_week ORDER BY h.effective_from), '{}') AS per_week,
             COALESCE(array_agg(h.until ORDER BY h.effective_from), '{}') AS until
        FROM (SELECT gm.effective_from, gm.minutes_per_week,
                     COALESCE(LEAD(gm.effective_from) OVER (ORDER BY gm.effective_from) - 1, 'infinity'::date) AS until
                FROM grant_minutes gm WHERE gm.municipality_id = co.municipality_id AND gm.grant_id = g.id) h) minutes`;

export const COLUMNS = [
  'grant_id',
  'citizen_id',
  'caseworker_id',
  'mentor_id',
  'organisation_id',
  'status',
  'end_reason',
  'ended_on',
  'version',
  'last_contact_date',
  'reported_to',
  'citizen_name',
  'cpr_masked',
  'preferred_meeting_place',
  'mentor_type',
  'starts_on',
  'ends_on',
  'reporting_interval_weeks',
  'handover_status',
  'handover_acknowledge_by',
  'needs_sparring',
  'minutes_from',
  'minutes_per_week',
  'minutes_until',
];

// What a course may lack: a mentor, an end, a contact, a report, a handover packet.
const NULLABLE = new Set([
  'mentor_id',
  'end_reason',
  'ended_on',
  'last_contact_date',
  'reported_to',
  'handover_status',
  'handover_acknowledge_by',
]);

// The columns of mentor_course that the overview copies, but for last_contact_date, which changes
// with most logged contacts and is copied on its own.
const COURSE_COLUMNS = [
  'grant_id',
  'mentor_id',
  'organisation_id',
  'status',
  'end_reason',
  'ended_on',
  'version',
  'reported_to',
];
const tuple = (row: string) => `(${COURSE_COLUMNS.map((c) => `${row}.${c}`).join(', ')})`;

/** Statement-level triggers: which courses a statement's changed rows (`changed`, `old_rows`) touch. */
const TRIGGERS: {
  table: string;
  events: ('INSERT' | 'UPDATE' | 'DELETE')[];
  courses: (rows: string) => string;
}[] = [
  { table: 'mentor_course', events: ['INSERT'], courses: (rows) => `SELECT id FROM ${rows}` },
  {
    table: 'mentor_grant',
    events: ['UPDATE'],
    courses: (rows) =>
      `SELECT co.id FROM ${rows} r JOIN mentor_course co ON co.municipality_id = r.municipality_id AND co.grant_id = r.id`,
  },
  {
    table: 'citizen',
    events: ['UPDATE'],
    courses: (rows) => `SELECT co.id FROM ${rows} r
      JOIN mentor_grant g ON g.municipality_id = r.municipality_id AND g.citizen_id = r.id
      JOIN mentor_course co ON co.municipality_id = g.municipality_id AND co.grant_id = g.id`,
  },
  {
    table: 'grant_minutes',
    events: ['INSERT', 'UPDATE', 'DELETE'],
    courses: (rows) =>
      `SELECT co.id FROM ${rows} r JOIN mentor_course co ON co.municipality_id = r.municipality_id AND co.grant_id = r.grant_id`,
  },
  {
    table: 'handover_packet',
    events: ['INSERT', 'UPDATE', 'DELETE'],
    courses: (rows) => `SELECT course_id FROM ${rows}`,
  },
  {
    table: 'course_mentor_period',
    events: ['INSERT', 'UPDATE', 'DELETE'],
    courses: (rows) => `SELECT course_id FROM ${rows}`,
  },
  {
    table: 'message_thread',
    events: ['INSERT', 'UPDATE', 'DELETE'],
    courses: (rows) => `SELECT course_id FROM ${rows}`,
  },
];

const triggerName = (table: string, event: string) => `${table}_${event.toLowerCase()}_course_overview`;
const functionName = (table: string) => `${table}_refresh_course_overview`;

/**
 * course_overview: one row per course holding what the course lists show of it (course_overview_source),
 * kept current by triggers on the tables it comes from. A list then reads one row per course instead of
 * looking up the grant, citizen, grant minutes, current mentor period, handover packet and thread of each:
 * on the national dataset a caseworker's page read 1,163 buffers, with the overview 369.
 *
 * The triggers recompute the changed courses' rows from course_overview_source, so the definition
 * lives in one place; the test harness compares the table with its source after every integration
 * spec. A logged contact changes only the course's last contact date, which is copied directly.
 */
export class CourseOverview1795904300000 implements MigrationInterface {
  name = 'CourseOverview1795904300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE VIEW course_overview_source WITH (security_invoker = true) AS ${SOURCE}`);
    await queryRunner.query(
      `CREATE TABLE course_overview AS SELECT * FROM course_overview_source WITH NO DATA`,
    );
    for (const column of ['municipality_id', ...COLUMNS.filter((c) => !NULLABLE.has(c))]) {
      await queryRunner.query(`ALTER TABLE course_overview ALTER COLUMN "${column}" SET NOT NULL`);
    }
    await queryRunner.query(
      `ALTER TABLE course_overview ADD CONSTRAINT pk_course_overview PRIMARY KEY (id, municipality_id),
         ADD CONSTRAINT fk_course_overview_course FOREIGN KEY (id, municipality_id)
           REFERENCES mentor_course (id, municipality_id) ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `CREATE INDEX ix_course_overview_mentor ON course_overview (municipality_id, mentor_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX ix_course_overview_caseworker ON course_overview (municipality_id, caseworker_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX ix_course_overview_organisation ON course_overview (municipality_id, organisation_id)`,
    );
    await queryRunner.query(`GRANT SELECT ON course_overview_source TO ${APPLICATION_ROLE}`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON course_overview TO ${APPLICATION_ROLE}`);
    await queryRunner.query(`ALTER TABLE course_overview ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE course_overview FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(
      `CREATE POLICY "tenant_isolation" ON course_overview USING ${TENANT_POLICY} WITH CHECK ${TENANT_POLICY}`,
    );

    await queryRunner.query(
      `CREATE FUNCTION refresh_course_overview(courses uuid[]) RETURNS void LANGUAGE sql AS $$
         INSERT INTO course_overview SELECT * FROM course_overview_source s WHERE s.id = ANY (courses)
         ON CONFLICT (id, municipality_id) DO UPDATE
           SET (${COLUMNS.join(', ')}) = ROW(${COLUMNS.map((c) => `EXCLUDED.${c}`).join(', ')}) $$`,
    );
    for (const { table, events, courses } of TRIGGERS) {
      await queryRunner.query(
        `CREATE FUNCTION ${functionName(table)}() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           IF TG_OP = 'DELETE' THEN
             PERFORM refresh_course_overview(ARRAY(${courses('old_rows')}));
           ELSIF TG_OP = 'UPDATE' THEN
             PERFORM refresh_course_overview(ARRAY(${courses('changed')} UNION ${courses('old_rows')}));
           ELSE
             PERFORM refresh_course_overview(ARRAY(${courses('changed')}));
           END IF;
           RETURN NULL;
         END $$`,
      );
      // PostgreSQL allows transition tables only on single-event triggers: one trigger per event.
      for (const event of events) {
        const referencing =
          event === 'INSERT'
            ? 'NEW TABLE AS changed'
            : event === 'UPDATE'
              ? 'OLD TABLE AS old_rows NEW TABLE AS changed'
              : 'OLD TABLE AS old_rows';
        await queryRunner.query(
          `CREATE TRIGGER ${triggerName(table, event)} AFTER ${event} ON ${table}
             REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION ${functionName(table)}()`,
        );
      }
    }
    // Course updates are row triggers, so the contact trigger's update of the last contact date (a
    // no-op for the day's later contacts) costs nothing when it changes no row.
    await queryRunner.query(
      `CREATE FUNCTION mentor_course_copy_to_overview() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF ${tuple('OLD')} IS DISTINCT FROM ${tuple('NEW')} THEN
           PERFORM refresh_course_overview(ARRAY[NEW.id]);
         ELSE
           UPDATE course_overview SET last_contact_date = NEW.last_contact_date
            WHERE id = NEW.id AND municipality_id = NEW.municipality_id;
         END IF;
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER mentor_course_update_course_overview AFTER UPDATE ON mentor_course FOR EACH ROW
         WHEN (${tuple('OLD')} IS DISTINCT FROM ${tuple('NEW')}
               OR OLD.last_contact_date IS DISTINCT FROM NEW.last_contact_date)
         EXECUTE FUNCTION mentor_course_copy_to_overview()`,
    );
    await queryRunner.query(`INSERT INTO course_overview SELECT * FROM course_overview_source`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER mentor_course_update_course_overview ON mentor_course`);
    await queryRunner.query(`DROP FUNCTION mentor_course_copy_to_overview()`);
    for (const { table, events } of [...TRIGGERS].reverse()) {
      for (const event of events)
        await queryRunner.query(`DROP TRIGGER ${triggerName(table, event)} ON ${table}`);
      await queryRunner.query(`DROP FUNCTION ${functionName(table)}()`);
    }
    await queryRunner.query(`DROP FUNCTION refresh_course_overview(uuid[])`);
    await queryRunner.query(`DROP TABLE course_overview`);
    await queryRunner.query(`DROP VIEW course_overview_source`);
  }
}
