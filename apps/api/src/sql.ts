// The statements the busiest routes send, built into dist/api/sql.js so the national benchmark
// (bench/national/queries.mjs) times exactly the SQL the services run.
export { READ_AUDIT_INSERT, readAuditRecord } from './audit/audit-sql';
export { courseStatement } from './courses/course-queries';
export { contactLogStatement, requestHash } from './contacts/contact-queries';
export { WORKFORCE_STATEMENT_SETTINGS, workforceStatement } from './workforce/workforce-queries';
export { indicatorResults } from './indicators/indicator-compute';
// The benchmark's raw-SQL side connects as the API's requests do: as the application role, which
// row-level security holds, through the same pool client, which sets the caller's municipality.
export { APPLICATION_ROLE } from './database/application-role';
export { ResilientPgClient } from './database/pg-client';
export { asTenant } from './database/tenant-context';
export {
  citizenIndicatorStatement,
  indicatorCounts,
  INDICATOR_STATEMENT_SETTINGS,
  mentorIndicatorStatement,
  surveyIndicatorStatement,
} from './indicators/indicator-queries';
// For `npm run study:reproduce` (tools/study-reproduce.mjs): the questionnaires behind the survey
// indicators, the seeded randomness and answer synthesis the demo data shares, and a throw-away
// embedded database when no server is given.
export { SURVEY_INDICATOR_RULES, SURVEYS } from '@mentor/domain';
export { countForTarget, seededRandom, synthesizeSurveyAnswers, targetAim } from './surveys/survey-synthesis';
export { startEmbeddedPostgres } from './database/embedded-postgres';
