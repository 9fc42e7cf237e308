// The statements the busiest routes send, built into dist/api/sql.js so the national benchmark
// (bench/national/queries.mjs) times exactly the SQL the services run.
export { READ_AUDIT_INSERT, readAuditRecord } from './audit/audit-sql';
export { courseStatement } from './courses/course-queries';
export { contactLogStatement, requestHash } from './contacts/contact-queries';
export { WORKFORCE_STATEMENT_SETTINGS, workforceStatement } from './workforce/workforce-queries';
export { indicatorResults } from './indicators/indicator-compute';
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
