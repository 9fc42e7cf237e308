import { Role } from '@mentor/domain';
import type { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { asTenant, currentTenant, SYSTEM_SCOPE } from '../database/tenant-context';
import { readAuditRecord, type ReadAuditRecord } from './audit-sql';
import { ReadAuditWriter } from './read-audit.writer';

const caller: AuthenticatedUser = {
  id: '00000000-0000-4000-8000-000000000001',
  municipalityId: '00000000-0000-4000-8000-0000000000aa',
  organisationId: '00000000-0000-4000-8000-0000000000bb',
  role: Role.Mentor,
  name: 'Test Mentor',
  username: 'mentor.test',
  sessionId: 's1',
  requestId: 'r1',
} as AuthenticatedUser;
const LIST = { action: 'course.list', entityType: 'mentor_course' };

/** A DataSource whose inserts wait until released, recording each batch and the scope it ran in. */
function fakeDatabase(fail: (records: ReadAuditRecord[]) => Error | undefined = () => undefined) {
  const batches: { records: ReadAuditRecord[]; tenant: string }[] = [];
  const waiting: (() => void)[] = [];
  const db = {
    query: jest.fn((_statement: unknown, [json]: [string]) => {
      const records = JSON.parse(json) as ReadAuditRecord[];
      batches.push({ records, tenant: currentTenant() });
      return new Promise<void>((resolve, reject) =>
        waiting.push(() => {
          const error = fail(records);
          if (error) reject(error);
          else resolve();
        }),
      );
    }),
  };
  const release = async () => {
    // Let the writer reach its next insert, then answer every insert waiting.
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    waiting.splice(0).forEach((answer) => answer());
  };
  return { writer: new ReadAuditWriter(db as unknown as DataSource), batches, release };
}

const record = (action: string) => readAuditRecord(caller, { ...LIST, action }, []);

describe('ReadAuditWriter', () => {
  it('answers a read only once its record, naming each citizen once, is written', async () => {
    const { writer, batches, release } = fakeDatabase();
    let answered = false;
    const read = writer
      .read(caller, LIST, async () => [{ citizenId: 'c1' }, { citizenId: 'c2' }, { citizenId: 'c1' }])
      .then((rows) => {
        answered = true;
        return rows;
      });
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toHaveLength(1);
    expect(answered).toBe(false);
    await release();
    expect(await read).toHaveLength(3);
    expect(batches[0].records).toEqual([readAuditRecord(caller, LIST, ['c1', 'c2'])]);
  });

  it('records a read that found nothing', async () => {
    const { writer, batches, release } = fakeDatabase();
    const read = writer.read(caller, { ...LIST, details: { search: 'x' } }, async () => []);
    await release();
    expect(await read).toEqual([]);
    expect(batches[0].records[0]).toMatchObject({ citizen_ids: [], details: { search: 'x' } });
  });

  it('writes the records of reads that arrive together in one insert, and those arriving meanwhile in the next', async () => {
    const { writer, batches, release } = fakeDatabase();
    const first = ['a', 'b', 'c'].map((action) => writer.record(record(action)));
    await new Promise((resolve) => setImmediate(resolve));
    const second = ['d', 'e'].map((action) => writer.record(record(action)));
    await release();
    await Promise.all(first);
    await release();
    await Promise.all(second);
    expect(batches.map((batch) => batch.records.map((r) => r.action))).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
    ]);
  });

  it('writes in the system scope, whichever request started the batch', async () => {
    const { writer, batches, release } = fakeDatabase();
    const written = asTenant(caller.municipalityId, () => writer.record(record('a')));
    await release();
    await written;
    expect(batches[0].tenant).toBe(SYSTEM_SCOPE);
  });

  it('fails only the read whose record cannot be written', async () => {
    const { writer, batches, release } = fakeDatabase((records) =>
      records.some((r) => r.action === 'bad') ? new Error('violates check constraint') : undefined,
    );
    const results = Promise.allSettled(['a', 'bad', 'c'].map((action) => writer.record(record(action))));
    for (let i = 0; i < 4; i++) await release();
    expect((await results).map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(batches.map((batch) => batch.records.length)).toEqual([3, 1, 1, 1]);
  });

  it('fails every read of the batch at once while the database is unavailable', async () => {
    const unavailable = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const { writer, batches, release } = fakeDatabase(() => unavailable);
    const results = Promise.allSettled(['a', 'b'].map((action) => writer.record(record(action))));
    await release();
    expect((await results).map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(batches).toHaveLength(1);
    const read = writer.read(caller, LIST, async () => [{ citizenId: 'c1' }]);
    await release();
    await expect(read).rejects.toBe(unavailable);
  });
});
