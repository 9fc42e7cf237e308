/** SQL pieces shared by the course and contact queries. */

/** A contact counts unless it is deleted or replaced by a correction. */
export const COUNTED_CONTACT = (alias: string) =>
  `${alias}.deleted_at IS NULL AND NOT EXISTS (
     SELECT 1 FROM contact cx WHERE cx.corrects_contact_id = ${alias}.id AND cx.deleted_at IS NULL)`;

/** Granted minutes of the week starting at the date expression `weekStart`, 0 outside the grant. */
export const GRANTED_IN_WEEK = (grant: string, weekStart: string) =>
  `CASE WHEN ${weekStart} + 6 < ${grant}.starts_on OR ${weekStart} > ${grant}.ends_on THEN 0 ELSE COALESCE((
     SELECT gm.minutes_per_week FROM grant_minutes gm
      WHERE gm.grant_id = ${grant}.id AND gm.effective_from <= GREATEST(${weekStart}, ${grant}.starts_on)
      ORDER BY gm.effective_from DESC LIMIT 1), 0) END`;

/** Minutes of counted contacts of the course in the week starting at `weekStart`. */
export const LOGGED_IN_WEEK = (course: string, weekStart: string) =>
  `(SELECT COALESCE(SUM(ct.minutes), 0)::int FROM contact ct
     WHERE ct.course_id = ${course}.id AND ct.contact_date BETWEEN ${weekStart} AND ${weekStart} + 6
       AND ${COUNTED_CONTACT('ct')})`;

/** Granted minutes of the days from `from` to `to` inside the grant: weekly minutes × days / 7. */
export const GRANTED_IN_PERIOD = (grant: string, from: string, to: string) =>
  `(SELECT COALESCE(ROUND(SUM(GREATEST(0,
       LEAST(p.until, ${to}, ${grant}.ends_on) - GREATEST(p.effective_from, ${from}, ${grant}.starts_on) + 1)
       * p.minutes_per_week / 7.0)), 0)::int
     FROM (SELECT gm.effective_from, gm.minutes_per_week,
                  COALESCE(LEAD(gm.effective_from) OVER (ORDER BY gm.effective_from) - 1, 'infinity'::date) AS until
             FROM grant_minutes gm WHERE gm.grant_id = ${grant}.id) p)`;

/** Minutes of counted contacts of the course from `from` to `to`. */
export const LOGGED_IN_PERIOD = (course: string, from: string, to: string) =>
  `(SELECT COALESCE(SUM(ct.minutes), 0)::int FROM contact ct
     WHERE ct.course_id = ${course}.id AND ct.contact_date BETWEEN ${from} AND ${to} AND ${COUNTED_CONTACT('ct')})`;
