// The statements the busiest routes send, built into dist/api/sql.js so the national benchmark
// (bench/national/queries.mjs) times exactly the SQL the services run.
export { courseStatement } from './courses/course-queries';
export { contactInsertStatement, contactLookupStatement, requestHash } from './contacts/contact-queries';
export { workforceStatement } from './workforce/workforce-queries';
