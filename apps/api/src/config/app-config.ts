import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, Min, validateSync } from 'class-validator';
import { join } from 'node:path';
import { NotLongerThan, toSwitch } from '../retention/retention-config';
import { OidcConfigError, type OidcProviderConfig, parseOidcProviders } from '../auth/oidc/oidc-config';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const toBoolean = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : ['true', '1', 'yes'].includes(String(value).toLowerCase());
const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

// OIDC_PROVIDERS parsed once per config; a getter, so it is no environment variable of its own.
const parsedOidcProviders = new WeakMap<AppConfig, OidcProviderConfig[]>();

/** The process environment, validated once at start. Unknown or malformed values stop the start. */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** A PostgreSQL URL; when unset the product runs on an embedded PostgreSQL under DATA_DIR. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  DATABASE_URL?: string;

  /** Seed the demo municipality; defaults to on for a fresh embedded database only. */
  @Transform(toBoolean)
  @IsOptional()
  @IsBoolean()
  DEMO_DATA?: boolean;

  @IsString()
  DATA_DIR = '.data';

  @IsString()
  WEB_DIST_DIR = 'dist/web/browser';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  /** Send the session cookie only over HTTPS; on by default in production. */
  @Transform(toBoolean)
  @IsOptional()
  @IsBoolean()
  COOKIE_SECURE?: boolean;

  @Transform(toBoolean)
  @IsBoolean()
  TRUST_PROXY = false;

  /** Failed sign-ins for one username within the window before it is blocked. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES = 5;

  /** Failed sign-ins after which each further attempt is answered more slowly. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_SLOWDOWN_AFTER = 3;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10000)
  LOGIN_SLOWDOWN_MS = 500;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_BLOCK_MINUTES = 15;

  /**
   * Connections to PostgreSQL per API instance. More connections than the database has cores only
   * make queries wait for CPU inside PostgreSQL instead of in the pool.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 20;

  /**
   * The API's own login for requests: a role that owns no table, is no superuser and belongs to
   * `mentor_application` (granted by the migrations). DATABASE_URL's role only migrates. Unset, the
   * API creates and uses the role `mentor_app` itself (DATABASE_URL's role then needs CREATEROLE).
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  APP_DATABASE_URL?: string;

  /**
   * How long an API instance trusts a session it looked up, in ms (0: look it up on every request).
   * Sign-out takes effect at once on the instance that handled it, on others within this time.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60000)
  SESSION_CACHE_MS = 5000;

  /** 32 bytes, base64: encrypts CPR numbers. Outside production a key is kept in DATA_DIR when unset. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  CPR_ENCRYPTION_KEY?: string;

  /** 32 bytes or more, base64: keys the CPR lookup hash. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  CPR_HASH_KEY?: string;

  /** 32 bytes, base64: encrypts stored files. Outside production a key is kept in DATA_DIR when unset. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  FILE_ENCRYPTION_KEY?: string;

  /** Where uploaded files are kept (encrypted, under random names); never under WEB_DIST_DIR. Default: DATA_DIR/files. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  FILE_STORAGE_DIR?: string;

  /**
   * Run the job that notifies mentors, caseworkers and team leaders of reports due soon or overdue;
   * on by default except under NODE_ENV=test (tests call the job directly).
   */
  @Transform(toBoolean)
  @IsOptional()
  @IsBoolean()
  REPORT_REMINDERS?: boolean;

  /** Minutes between runs of the report reminder job (a run on one instance is enough; others skip). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1440)
  REPORT_REMINDER_INTERVAL_MINUTES = 60;

  /**
   * Run the job that deletes message attachments uploaded but never sent, a day after upload (the
   * row and the encrypted file); on by default except under NODE_ENV=test (tests call the job directly).
   */
  @Transform(toBoolean)
  @IsOptional()
  @IsBoolean()
  UPLOAD_CLEANUP?: boolean;

  /**
   * Run the retention job (README, "Retention"): `on`/`off`; on by default except under
   * NODE_ENV=test (tests call the job directly).
   */
  @Transform(toSwitch)
  @IsOptional()
  @IsBoolean()
  RETENTION_JOB?: boolean;

  /** Hours between retention runs; daily is plenty for periods counted in years. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(168)
  RETENTION_INTERVAL_HOURS = 24;

  /**
   * Years an ended course is kept after its end, with everything on it (contacts, reports, handover,
   * shares, notifications, and its grant). 5: Danish practice keeps a closed employment case 5 years.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(30)
  RETENTION_COURSE_YEARS = 5;

  /**
   * Years a course's messages and attachments are kept after its end; at most the course's.
   * 5: they are part of the case file, kept as long unless the municipality decides on less.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(30)
  @NotLongerThan('RETENTION_COURSE_YEARS')
  RETENTION_MESSAGE_YEARS = 5;

  /**
   * Years case documents and notes are kept once shared on no course and after the citizen's last
   * course ended. 5: the same as the case they belong to.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(30)
  RETENTION_DOCUMENT_YEARS = 5;

  /**
   * Years a citizen with no grant, document or audit record left is kept after their last change.
   * 5: the same as their case; the audit trail keeps the record alive as long as it names them.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(30)
  RETENTION_CITIZEN_YEARS = 5;

  /**
   * Years audit records are kept; they leave a calendar month at a time (the table is partitioned
   * by month). 5: a citizen's right of access covers who saw their case for as long as it is kept.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(30)
  RETENTION_AUDIT_YEARS = 5;

  /** Courses (documents, citizens) deleted per transaction: short locks however big the backlog. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(5000)
  RETENTION_BATCH_SIZE = 500;

  /**
   * Sign-in with OpenID Connect: a JSON array of providers, or the path of a JSON file holding one
   * (see README); unset, only local accounts sign in. Checked at start like every other value.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  OIDC_PROVIDERS?: string;

  /** OIDC_PROVIDERS parsed and checked (loadConfig has checked it already). */
  get oidcProviders(): readonly OidcProviderConfig[] {
    let providers = parsedOidcProviders.get(this);
    if (!providers) {
      providers = parseOidcProviders(this.OIDC_PROVIDERS);
      parsedOidcProviders.set(this, providers);
    }
    return providers;
  }

  get reportRemindersEnabled(): boolean {
    return this.REPORT_REMINDERS ?? this.NODE_ENV !== 'test';
  }

  get uploadCleanupEnabled(): boolean {
    return this.UPLOAD_CLEANUP ?? this.NODE_ENV !== 'test';
  }

  get retentionJobEnabled(): boolean {
    return this.RETENTION_JOB ?? this.NODE_ENV !== 'test';
  }

  get fileStorageDir(): string {
    return this.FILE_STORAGE_DIR ?? join(this.DATA_DIR, 'files');
  }

  get cookieSecure(): boolean {
    return this.COOKIE_SECURE ?? this.NODE_ENV === 'production';
  }
}

export class ConfigError extends Error {}

/** Builds the config from an environment; throws a readable ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const relevant = Object.fromEntries(Object.entries(env).filter(([key]) => known.includes(key)));
  const config = plainToInstance(AppConfig, relevant);
  const errors = validateSync(config, { skipMissingProperties: false });
  const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
  try {
    if (!errors.some((e) => e.property === 'OIDC_PROVIDERS')) void config.oidcProviders;
  } catch (error) {
    if (!(error instanceof OidcConfigError)) throw error;
    lines.push(
      ...error.problems.map((problem) => `  OIDC_PROVIDERS${problem.startsWith('[') ? '' : ': '}${problem}`),
    );
  }
  if (lines.length > 0) throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  return config;
}
