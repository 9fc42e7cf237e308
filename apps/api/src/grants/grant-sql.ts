/**
 * A grant as the API's GrantDetail, built as one JSON value in SQL (minutes history included), so
 * a grant or a course page is read in a single statement. `g`, `o` and `co` are the query's aliases
 * of mentor_grant, its delivering organisation and its mentor_course.
 */
export const GRANT_DETAIL_JSON = (g: string, o: string, co: string) =>
  `json_build_object(
     'id', ${g}.id, 'citizenId', ${g}.citizen_id, 'caseworkerId', ${g}.caseworker_id, 'mentorType', ${g}.mentor_type,
     'purpose', ${g}.purpose, 'tasks', ${g}.tasks, 'goals', ${g}.goals,
     'startsOn', ${g}.starts_on, 'endsOn', ${g}.ends_on,
     'deliveringOrganisationId', ${g}.delivering_organisation_id, 'deliveringOrganisationName', ${o}.name,
     'reportingIntervalWeeks', ${g}.reporting_interval_weeks, 'renewsGrantId', ${g}.renews_grant_id,
     'courseId', ${co}.id, 'version', ${g}.version,
     'minutes', (SELECT COALESCE(json_agg(json_build_object(
                   'minutesPerWeek', gm.minutes_per_week, 'effectiveFrom', gm.effective_from,
                   'createdAt', to_char(gm.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                   'createdByName', u.name) ORDER BY gm.effective_from), '[]'::json)
                   FROM grant_minutes gm JOIN app_user u ON u.id = gm.created_by
                  WHERE gm.grant_id = ${g}.id))`;
