import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every table that holds one municipality's rows; the rest (municipality, login_attempt, login_name) are shared. */
const TENANT_TABLES = [
  'app_user',
  'audit_event',
  'case_item',
  'case_share',
  'citizen',
  'contact',
  'course_contact_stats',
  'course_mentor_period',
  'course_minutes',
  'grant_minutes',
  'handover_packet',
  'mentor_certification',
  'mentor_course',
  'mentor_grant',
  'mentor_profile',
  'mentor_supervision',
  'mentor_training',
  'mentor_upskilling',
  'message',
  'message_attachment',
  'message_read',
  'message_thread',
  'notification',
  'organisation',
  'profile_suggestion',
  'progress_report',
  'progress_report_version',
  'recruitment_assessment',
  'recruitment_requirement',
  'session',
  'stored_file',
  'survey_response',
] as const;

/** The group role the API's database login belongs to: never the tables' owner, never a superuser. */
const APPLICATION_ROLE = 'mentor_application';

/**
 * Row-level security on every tenant table, forced also for the tables' owner: a row is visible
 * and writable only when its municipality_id is the connection's `app.municipality_id` (set by the
 * API for each request's user), or when that setting is the system scope `*` (sign-in, jobs).
 * The settings are read through one-off subqueries so PostgreSQL evaluates them once per statement,
 * not once per row.
 *
 * The application role may read and write the tenant tables but never change or delete audit
 * records, and cannot touch login_name at all (its trigger runs as the owner).
 */
export class RowLevelSecurity1795902500000 implements MigrationInterface {
  name = 'RowLevelSecurity1795902500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DO $$ BEGIN
      CREATE ROLE ${APPLICATION_ROLE} NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
    await queryRunner.query(
      `CREATE FUNCTION app_tenant() RETURNS uuid LANGUAGE sql STABLE AS $$
        SELECT CASE WHEN s ~ '^[0-9a-fA-F-]{36}$' THEN s::uuid END
          FROM current_setting('app.municipality_id', true) AS s $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION app_all_tenants() RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT coalesce(current_setting('app.municipality_id', true) = '*', false) $$`,
    );
    await queryRunner.query(`GRANT USAGE ON SCHEMA public TO ${APPLICATION_ROLE}`);
    await queryRunner.query(
      `GRANT EXECUTE ON FUNCTION app_tenant(), app_all_tenants() TO ${APPLICATION_ROLE}`,
    );
    // Municipalities are added by the API (demo data, set-up), never deleted by it.
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON municipality TO ${APPLICATION_ROLE}`);
    await queryRunner.query(`GRANT SELECT ON counted_contact TO ${APPLICATION_ROLE}`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON login_attempt TO ${APPLICATION_ROLE}`);
    for (const table of TENANT_TABLES) {
      const rights = table === 'audit_event' ? 'SELECT, INSERT' : 'SELECT, INSERT, UPDATE, DELETE';
      await queryRunner.query(`GRANT ${rights} ON "${table}" TO ${APPLICATION_ROLE}`);
      await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(
        `CREATE POLICY "tenant_isolation" ON "${table}"
           USING ((SELECT app_all_tenants()) OR "municipality_id" = (SELECT app_tenant()))
           WITH CHECK ((SELECT app_all_tenants()) OR "municipality_id" = (SELECT app_tenant()))`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TENANT_TABLES) {
      await queryRunner.query(`DROP POLICY "tenant_isolation" ON "${table}"`);
      await queryRunner.query(`ALTER TABLE "${table}" NO FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE "${table}" DISABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`REVOKE ALL ON "${table}" FROM ${APPLICATION_ROLE}`);
    }
    await queryRunner.query(
      `REVOKE ALL ON municipality, counted_contact, login_attempt FROM ${APPLICATION_ROLE}`,
    );
    await queryRunner.query(
      `REVOKE ALL ON FUNCTION app_tenant(), app_all_tenants() FROM ${APPLICATION_ROLE}`,
    );
    await queryRunner.query(`REVOKE USAGE ON SCHEMA public FROM ${APPLICATION_ROLE}`);
    await queryRunner.query('DROP FUNCTION app_all_tenants()');
    await queryRunner.query('DROP FUNCTION app_tenant()');
  }
}
