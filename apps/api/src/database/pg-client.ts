import type { Writable } from 'node:stream';
import { Client, type ClientConfig } from 'pg';
import { currentTenant } from './tenant-context';

// Named, so PostgreSQL parses and plans it once per connection: most requests switch.
const SET_TENANT = { name: 'set_tenant', text: "SELECT set_config('app.municipality_id', $1, false)" };
// A rolled-back set_config reverts, so after a transaction ends the setting is sent again: a COMMIT
// of a failed transaction rolls it back too.
const TRANSACTION_END = /^\s*(ROLLBACK|COMMIT|END|ABORT)\b/i;

/**
 * The pool's client class (TypeORM passes `extra.Client` to pg's Pool).
 *
 * It keeps the connection's `app.municipality_id` (what the row-level security policies compare
 * with) equal to the scope of the code sending each statement (tenant-context.ts). The setting is
 * queued just before the statement when it differs from what the connection has, so a connection
 * serving one municipality sends it once, and a checked-out connection can never run a statement
 * with the previous borrower's municipality.
 *
 * Its statements are pipelined (pg's pipeline mode): the setting goes out together with the statement
 * behind it instead of waiting for its own answer. Statements still run in order, each with its own
 * Sync and so its own result or error; a request's statement costs one round trip instead of two (the
 * national course list, interleaved runs: 355-533 -> 586-686 req/s). Pipeline mode refuses portal queries
 * (cursors, pg-query-stream, `rows`); nothing here uses them.
 *
 * It also always listens for 'error'. node-postgres emits 'error' on a client whose connection dies
 * while no query runs on it; the pool listens while the client is idle and TypeORM while it holds it,
 * but TypeORM attaches its listener a microtask after the pool hands a new client over. When
 * PostgreSQL shuts down just as a connection is made (ReadyForQuery and the FATAL arrive in one
 * packet), the error is emitted in that gap with nobody listening, and an unhandled 'error' event
 * ends the whole API. With this listener the error only leaves the client unusable: its query fails
 * (answered 503) and the pool drops it.
 */
export class ResilientPgClient extends Client {
  private tenant: string | undefined;

  constructor(config?: string | ClientConfig) {
    super(
      typeof config === 'string'
        ? { connectionString: config, pipeline: true }
        : { ...config, pipeline: true },
    );
    this.on('error', () => undefined);
  }

  // pg's query has a dozen overloads; this passes every form through unchanged.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const tenant = currentTenant();
    if (tenant === this.tenant) return this.send(args);
    this.tenant = tenant;
    // Corked, the setting and the statement leave in one write (pipelined, both are written at once).
    const stream = (this as unknown as { connection?: { stream?: Partial<Writable> } }).connection?.stream;
    stream?.cork?.();
    try {
      // The statement behind it fails the same way and reports the error; this one only forgets.
      super.query({ ...SET_TENANT, values: [tenant] }).catch(() => {
        this.tenant = undefined;
      });
      return this.send(args);
    } finally {
      stream?.uncork?.();
    }
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private send(args: any[]): any {
    const first: unknown = args[0];
    const text = typeof first === 'string' ? first : (first as { text?: unknown } | undefined)?.text;
    if (typeof text === 'string' && TRANSACTION_END.test(text)) this.tenant = undefined;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return (super.query as (...a: any[]) => any)(...args);
  }
}
