import { QueryFailedError } from 'typeorm';
import { toProblemException } from '../common/problem.filter';
import { isDatabaseUnavailable } from './database-unavailable';

const pgError = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', pgError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a fast shutdown', new QueryFailedError('SELECT 1', [], pgError('terminating connection', '57P01'))],
    ['a server starting up', pgError('the database system is starting up', '57P03')],
    [
      'a connection lost mid-query',
      new QueryFailedError('SELECT 1', [], pgError('Connection terminated unexpectedly')),
    ],
    ['a pool checkout timeout', pgError('timeout exceeded when trying to connect')],
    ['every address refused', new AggregateError([pgError('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')])],
  ])('recognises %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a syntax error', new QueryFailedError('SELEC 1', [], pgError('syntax error', '42601'))],
    ['a unique violation', new QueryFailedError('INSERT', [], pgError('duplicate key', '23505'))],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['not an error', 'ECONNREFUSED'],
  ])('does not take %s for an outage', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('makes an outage a 503 problem with Retry-After, other errors stay 500', () => {
    const outage = toProblemException(pgError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'));
    expect(outage.init).toMatchObject({
      status: 503,
      code: 'server.unavailable',
      headers: { 'Retry-After': '5' },
    });
    expect(JSON.stringify(outage.toProblem())).not.toContain('127.0.0.1');
    expect(toProblemException(pgError('duplicate key', '23505')).init.status).toBe(500);
  });
});
