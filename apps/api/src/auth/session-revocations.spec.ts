import { EventEmitter } from 'node:events';
import type { Notification } from 'pg';
import {
  type ListenerClient,
  SESSION_REVOKED_CHANNEL,
  SessionRevocationListener,
} from './session-revocations';

/** A client whose connection succeeds or fails as told, and that can be made to lose it. */
class FakeClient extends EventEmitter implements ListenerClient {
  queries: string[] = [];
  ended = false;
  constructor(private readonly fails: boolean) {
    super();
  }
  async connect() {
    if (this.fails) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
  }
  async query(text: string) {
    this.queries.push(text);
  }
  async end() {
    this.ended = true;
  }
  notify(channel: string, payload?: string) {
    this.emit('notification', { processId: 1, channel, payload } satisfies Notification);
  }
  lose() {
    this.emit('error', Object.assign(new Error('terminating connection'), { code: '57P01' }));
    this.emit('end');
  }
}

describe('SessionRevocationListener', () => {
  let clients: FakeClient[];
  let outcomes: boolean[];
  let revoked: string[];
  let states: boolean[];
  let listener: SessionRevocationListener;

  beforeEach(() => {
    jest.useFakeTimers();
    clients = [];
    revoked = [];
    states = [];
    listener = new SessionRevocationListener(
      () => {
        const client = new FakeClient(outcomes.shift() ?? false);
        clients.push(client);
        return client;
      },
      { revoked: (id) => revoked.push(id), listening: (on) => states.push(on) },
    );
  });
  afterEach(async () => {
    await listener.stop();
    jest.useRealTimers();
  });

  it('listens on the channel and passes on the user ids it hears, nothing else', async () => {
    outcomes = [false];
    await listener.start();
    expect(clients[0]!.queries).toEqual([`LISTEN ${SESSION_REVOKED_CHANNEL}`]);
    expect(states).toEqual([true]);
    clients[0]!.notify(SESSION_REVOKED_CHANNEL, 'user-1');
    clients[0]!.notify('other_channel', 'user-2');
    clients[0]!.notify(SESSION_REVOKED_CHANNEL);
    expect(revoked).toEqual(['user-1']);
  });

  it('says when the connection is lost, once, and reconnects with growing pauses until it works', async () => {
    outcomes = [false, true, true, false];
    await listener.start();
    clients[0]!.lose();
    expect(states).toEqual([true, false]);
    expect(listener.connected).toBe(false);
    expect(clients[0]!.ended).toBe(true);

    await jest.advanceTimersByTimeAsync(250);
    expect(clients).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(499);
    expect(clients).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(1);
    expect(clients).toHaveLength(3);
    await jest.advanceTimersByTimeAsync(1000);
    expect(clients).toHaveLength(4);
    expect(states).toEqual([true, false, true]);
    expect(listener.connected).toBe(true);
    clients[3]!.notify(SESSION_REVOKED_CHANNEL, 'user-3');
    expect(revoked).toEqual(['user-3']);
  });

  it('does not throw when the database is away at start, and stops retrying once stopped', async () => {
    outcomes = [true, true, true];
    await expect(listener.start()).resolves.toBeUndefined();
    expect(states).toEqual([]);
    await listener.stop();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(clients).toHaveLength(1);
  });
});
