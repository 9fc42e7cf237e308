import { QueryFailedError } from 'typeorm';

/**
 * SQLSTATEs that say the database is away or restarting, not that the statement was wrong: class 08
 * (connection exception), 57P01–57P03 (terminated by an administrator's or a crash's shutdown; cannot
 * connect now, e.g. while starting up) and 53300 (too many connections).
 */
const SQLSTATES = new Set(['08000', '08001', '08003', '08004', '08006', '57P01', '57P02', '57P03', '53300']);

/** Socket errors of a connection attempt or a connection lost mid-query. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/** node-postgres's own errors for a lost or unobtainable connection (they carry no code). */
const PG_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error and is not queryable|Client was closed and is not queryable)/;

/**
 * True when the error means PostgreSQL cannot be reached right now (stopped, restarting, network
 * gone). Such a request is not the client's fault and may well succeed when retried, so it is
 * answered 503 rather than 500 (see problem.filter.ts). TypeORM wraps query errors in
 * QueryFailedError; a failed pool checkout comes as the socket error itself, and Node may wrap
 * several connection attempts in an AggregateError.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false;
  if (error instanceof QueryFailedError) return isDatabaseUnavailable(error.driverError, depth + 1);
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (SQLSTATES.has(code) || SOCKET_CODES.has(code))) return true;
  if (typeof message === 'string' && PG_MESSAGES.test(message)) return true;
  if (error instanceof AggregateError) return error.errors.some((e) => isDatabaseUnavailable(e, depth + 1));
  return false;
}
