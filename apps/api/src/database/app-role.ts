import { createHmac } from 'node:crypto';
import { runMigrations } from '@mentor/migrations';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APPLICATION_ROLE } from './application-role';
import { appDataSourceOptions } from './data-source';

/** The login the API creates for itself when APP_DATABASE_URL is not given. */
export const APP_LOGIN = 'mentor_app';

// Another process may create or grant the same role at the same moment (roles are per server).
const RACE_CODES = new Set(['42710', '23505', 'XX000', '40001']);

/**
 * Makes sure the API's request login exists and belongs to the application role, and returns its
 * URL: DATABASE_URL with that login. Its password is derived from the owner's, so every instance of
 * one deployment agrees on it without storing another secret.
 */
export async function ensureAppLogin(owner: DataSource, ownerUrl: string): Promise<string> {
  const url = new URL(ownerUrl);
  const password = createHmac('sha256', decodeURIComponent(url.password) || 'mentorsystemet')
    .update(APP_LOGIN)
    .digest('hex');
  const statements = [
    `DO $$ BEGIN
       CREATE ROLE ${APP_LOGIN} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD '${password}';
     EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`,
    `DO $$ BEGIN
       IF NOT pg_has_role('${APP_LOGIN}', '${APPLICATION_ROLE}', 'MEMBER') THEN
         GRANT ${APPLICATION_ROLE} TO ${APP_LOGIN};
       END IF;
     END $$`,
  ];
  for (const sql of statements) {
    for (let attempt = 1; ; attempt++) {
      try {
        await owner.query(sql);
        break;
      } catch (error) {
        const code = (error as { driverError?: { code?: string } }).driverError?.code;
        if (attempt >= 5 || !code || !RACE_CODES.has(code)) throw error;
        await new Promise((r) => setTimeout(r, 50 * attempt));
      }
    }
  }
  url.username = APP_LOGIN;
  url.password = password;
  return url.toString();
}

interface LoginFacts {
  user: string;
  rolsuper: boolean;
  rolbypassrls: boolean;
  owns: boolean;
}

/**
 * Refuses to serve requests through a login that row-level security would not hold: a superuser,
 * a role that bypasses it, or the tables' owner.
 */
export async function assertRestrictedLogin(app: DataSource): Promise<void> {
  const [facts] = await app.query<LoginFacts[]>(
    `SELECT current_user AS user, r.rolsuper, r.rolbypassrls,
            EXISTS (SELECT 1 FROM pg_tables t WHERE t.schemaname = 'public' AND t.tableowner = current_user) AS owns
       FROM pg_roles r WHERE r.rolname = current_user`,
  );
  if (!facts || facts.rolsuper || facts.rolbypassrls || facts.owns) {
    throw new Error(
      `The API's database login (${facts?.user ?? 'unknown'}) must not be a superuser, bypass row-level ` +
        'security or own the tables: set APP_DATABASE_URL to a login granted mentor_application.',
    );
  }
}

/**
 * Migrates the database as DATABASE_URL's role (the owner) and returns the URL requests use:
 * APP_DATABASE_URL, or DATABASE_URL with the API's own restricted login.
 */
export async function prepareDatabase(config: AppConfig, ownerUrl: string): Promise<string> {
  const owner = new DataSource(appDataSourceOptions(ownerUrl, undefined, 4));
  await owner.initialize();
  try {
    await runMigrations(owner);
    // The audit trail's months from this one to two ahead (retention drops old ones; see the job).
    await owner.query(`SELECT * FROM audit_partitions_maintain('-infinity', 2)`);
    return config.APP_DATABASE_URL ?? (await ensureAppLogin(owner, ownerUrl));
  } finally {
    await owner.destroy();
  }
}
