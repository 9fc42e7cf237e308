import { Client } from 'pg';
import { LOGGED_IN, OVERVIEW_LOGGED_IN_MONTH, OVERVIEW_LOGGED_IN_WEEK } from '../src/courses/course-queries';
import { expectCourseOverviewCurrent, startTestApp, type TestApp } from './test-app';

interface CourseKeys {
  id: string;
  municipality_id: string;
  grant_id: string;
  citizen_id: string;
  mentor_id: string;
}

/**
 * course_overview (migration CourseOverview) is the course lists' read model: one row per course,
 * kept by triggers on every table it is computed from. Each change below goes straight to the
 * tables, as any write path would, and the row must follow it.
 */
describe('course_overview', () => {
  let t: TestApp;
  let owner: Client;
  let course: CourseKeys;
  const overview = async () =>
    (await owner.query(`SELECT * FROM course_overview WHERE id = $1`, [course.id])).rows[0];
  const change = async (sql: string, values: unknown[] = []) => {
    await owner.query(sql, values);
    await expectCourseOverviewCurrent(t.databaseUrl);
    return overview();
  };

  beforeAll(async () => {
    t = await startTestApp({}, { ownDatabase: true });
    owner = new Client({ connectionString: t.databaseUrl });
    await owner.connect();
    [course] = (
      await owner.query<CourseKeys>(
        `SELECT co.id, co.municipality_id, co.grant_id, g.citizen_id, co.mentor_id
           FROM mentor_course co JOIN mentor_grant g ON g.id = co.grant_id
          WHERE co.mentor_id IS NOT NULL AND co.status = 'active'
            AND EXISTS (SELECT 1 FROM handover_packet hp WHERE hp.course_id = co.id)
          ORDER BY co.id LIMIT 1`,
      )
    ).rows as [CourseKeys];
    expect(course).toBeDefined();
  });
  afterAll(async () => {
    await owner?.end();
    await t?.close();
  });

  it('holds a row per course from the migration and the demo data', async () => {
    const [{ courses, rows }] = (
      await owner.query(
        `SELECT (SELECT count(*)::int FROM mentor_course) AS courses, (SELECT count(*)::int FROM course_overview) AS rows`,
      )
    ).rows;
    expect(courses).toBeGreaterThan(0);
    expect(rows).toBe(courses);
    await expectCourseOverviewCurrent(t.databaseUrl);
  });

  it("follows the citizen's name, meeting place and caseworker", async () => {
    const other = (
      await owner.query(
        `SELECT id FROM app_user WHERE role = 'caseworker' AND municipality_id = $1 AND id <> (SELECT caseworker_id FROM citizen WHERE id = $2) LIMIT 1`,
        [course.municipality_id, course.citizen_id],
      )
    ).rows[0]?.id;
    const row = await change(
      `UPDATE citizen SET name = 'Omdøbt Borger', preferred_meeting_place = 'out_of_home',
              caseworker_id = COALESCE($2, caseworker_id) WHERE id = $1`,
      [course.citizen_id, other ?? null],
    );
    expect(row).toMatchObject({ citizen_name: 'Omdøbt Borger', preferred_meeting_place: 'out_of_home' });
    if (other) expect(row.caseworker_id).toBe(other);
  });

  it("follows the grant's period, and every change of its minutes", async () => {
    let row = await change(
      `UPDATE mentor_grant SET ends_on = ends_on - 1, reporting_interval_weeks = reporting_interval_weeks + 1 WHERE id = $1`,
      [course.grant_id],
    );
    const minutesBefore = row.minutes_per_week.length;
    row = await change(
      `INSERT INTO grant_minutes (municipality_id, grant_id, minutes_per_week, effective_from, created_by)
       SELECT municipality_id, id, 77, starts_on + 14, $2 FROM mentor_grant WHERE id = $1`,
      [course.grant_id, course.mentor_id],
    );
    expect(row.minutes_per_week).toHaveLength(minutesBefore + 1);
    expect(row.minutes_per_week.at(-1)).toBe(77);
    row = await change(
      `UPDATE grant_minutes SET minutes_per_week = 78 WHERE grant_id = $1 AND minutes_per_week = 77`,
      [course.grant_id],
    );
    expect(row.minutes_per_week.at(-1)).toBe(78);
    row = await change(`DELETE FROM grant_minutes WHERE grant_id = $1 AND minutes_per_week = 78`, [
      course.grant_id,
    ]);
    expect(row.minutes_per_week).toHaveLength(minutesBefore);
  });

  it("follows the course's status, version and last contact", async () => {
    let row = await change(
      `UPDATE mentor_course SET status = 'paused', version = version + 1 WHERE id = $1`,
      [course.id],
    );
    expect(row.status).toBe('paused');
    row = await change(`UPDATE mentor_course SET last_contact_date = DATE '2026-01-05' WHERE id = $1`, [
      course.id,
    ]);
    expect(row.last_contact_date).toEqual(new Date(2026, 0, 5));
  });

  it('follows the handover packet and a change of mentor', async () => {
    let row = await change(`UPDATE handover_packet SET status = 'draft' WHERE course_id = $1`, [course.id]);
    expect(row.handover_status).toBe('draft');
    const otherMentor = (
      await owner.query(
        `SELECT id FROM app_user WHERE role = 'mentor' AND municipality_id = $1 AND id <> $2 LIMIT 1`,
        [course.municipality_id, course.mentor_id],
      )
    ).rows[0].id;
    // A new mentor period makes the old packet no longer the current one.
    await owner.query('BEGIN');
    await owner.query(`UPDATE mentor_course SET mentor_id = $2 WHERE id = $1`, [course.id, otherMentor]);
    await owner.query(
      `INSERT INTO course_mentor_period (municipality_id, course_id, mentor_id, from_date, changed_by)
       VALUES ($1, $2, $3, CURRENT_DATE + 1, $3)`,
      [course.municipality_id, course.id, otherMentor],
    );
    await owner.query('COMMIT');
    await expectCourseOverviewCurrent(t.databaseUrl);
    row = await overview();
    expect(row).toMatchObject({ mentor_id: otherMentor, handover_status: null });
    row = await change(`DELETE FROM course_mentor_period WHERE course_id = $1 AND mentor_id = $2`, [
      course.id,
      otherMentor,
    ]);
  });

  it("follows the names of the course's mentor and organisation", async () => {
    const mentor = `(SELECT mentor_id FROM mentor_course WHERE id = $1)`;
    let row = await change(`UPDATE app_user SET name = 'Omdøbt Mentor' WHERE id = ${mentor}`, [course.id]);
    expect(row.mentor_name).toBe('Omdøbt Mentor');
    row = await change(
      `UPDATE organisation SET name = 'Omdøbt Organisation' WHERE id = (SELECT organisation_id FROM mentor_course WHERE id = $1)`,
      [course.id],
    );
    expect(row.organisation_name).toBe('Omdøbt Organisation');
    // Another column of the user changes no name: the row stays as it is.
    row = await change(`UPDATE app_user SET active = active WHERE id = ${mentor}`, [course.id]);
    expect(row.mentor_name).toBe('Omdøbt Mentor');
  });

  it("follows the message thread's need for sparring", async () => {
    let row = await change(
      `INSERT INTO message_thread (municipality_id, course_id, needs_sparring, version) VALUES ($1, $2, true, 1)
       ON CONFLICT (municipality_id, course_id) DO UPDATE SET needs_sparring = true`,
      [course.municipality_id, course.id],
    );
    expect(row.needs_sparring).toBe(true);
    row = await change(`UPDATE message_thread SET needs_sparring = false WHERE course_id = $1`, [course.id]);
    expect(row.needs_sparring).toBe(false);
  });

  it("follows the course's logged minutes, from which any week's and month's read as from course_minutes", async () => {
    const thisWeek = `date_trunc('week', CURRENT_DATE)::date`;
    // Every week and month from 14 weeks back to 5 ahead, from the overview and from course_minutes.
    const expectMinutesAsCounted = async () => {
      const { rows } = await owner.query(
        `SELECT to_char(d, 'YYYY-MM-DD') AS week,
                ${OVERVIEW_LOGGED_IN_WEEK('co', `date_trunc('week', d)::date`)} AS week_from_overview,
                ${LOGGED_IN('co', 'week', `date_trunc('week', d)::date`)} AS week_counted,
                ${OVERVIEW_LOGGED_IN_MONTH('co', `date_trunc('month', d)::date`)} AS month_from_overview,
                ${LOGGED_IN('co', 'month', `date_trunc('month', d)::date`)} AS month_counted
           FROM course_overview co, generate_series(${thisWeek} - 98, ${thisWeek} + 35, interval '7 days') d
          WHERE co.id = $1`,
        [course.id],
      );
      expect(rows).toHaveLength(20);
      for (const row of rows) {
        expect({ week: row.week, minutes: row.week_from_overview }).toEqual({
          week: row.week,
          minutes: row.week_counted,
        });
        expect({ week: row.week, month: row.month_from_overview }).toEqual({
          week: row.week,
          month: row.month_counted,
        });
      }
    };
    const log = async (day: string, minutes: number, corrects: string | null = null) => {
      const { rows } = await owner.query(
        `INSERT INTO contact (municipality_id, course_id, contact_date, start_time, minutes, form, showed_up,
                              corrects_contact_id, created_by, version)
         VALUES ($1, $2, ${day}, '10:00', $3, 'phone', true, $4, $5, 1) RETURNING id`,
        [course.municipality_id, course.id, minutes, corrects, course.mentor_id],
      );
      await expectCourseOverviewCurrent(t.databaseUrl);
      await expectMinutesAsCounted();
      return rows[0].id as string;
    };
    const alter = async (sql: string, values: unknown[]) => {
      await change(sql, values);
      await expectMinutesAsCounted();
    };

    const today = await log('CURRENT_DATE', 30);
    let row = await overview();
    expect(row.logged_week).toBeGreaterThanOrEqual(30);
    const lastWeek = await log(`${thisWeek} - 3`, 20);
    await log(`${thisWeek} - 33`, 15);
    await alter(`UPDATE contact SET minutes = 45 WHERE id = $1`, [today]);
    await alter(`UPDATE contact SET deleted_at = now() WHERE id = $1`, [today]);
    await log(`${thisWeek} - 3`, 25, lastWeek);
    // Contacts are never in the future through the API; the overview must still not mislead.
    const ahead = await log(`${thisWeek} + 22`, 40);
    row = await overview();
    expect(row.logged_week).toBe(40);
    await alter(`DELETE FROM contact WHERE id = $1`, [ahead]);
    const other = (
      await owner.query(`SELECT id FROM mentor_course WHERE municipality_id = $1 AND id <> $2 LIMIT 1`, [
        course.municipality_id,
        course.id,
      ])
    ).rows[0].id;
    await alter(`UPDATE contact SET course_id = $2 WHERE id = $1`, [lastWeek, other]);
    await alter(`SELECT rebuild_course_totals()`, []);
  });

  it('follows a statement that changes many rows at once', async () => {
    await change(`UPDATE citizen SET name = name || ' Jr.'`);
    await change(`UPDATE mentor_grant SET ends_on = ends_on + 1`);
    await change(`UPDATE app_user SET name = name || ' Jr.'`);
    await change(`UPDATE organisation SET name = name || ' A/S'`);
  });

  it('is caught by the check when a row differs from its source', async () => {
    await owner.query(`UPDATE course_overview SET citizen_name = 'Forkert' WHERE id = $1`, [course.id]);
    await expect(expectCourseOverviewCurrent(t.databaseUrl)).rejects.toThrow(/differs/);
    await owner.query(`SELECT refresh_course_overview(ARRAY[$1::uuid])`, [course.id]);
    await expectCourseOverviewCurrent(t.databaseUrl);
  });
});
