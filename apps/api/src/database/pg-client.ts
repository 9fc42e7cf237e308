import { Client, type ClientConfig } from 'pg';

/**
 * The pool's client class (TypeORM passes `extra.Client` to pg's Pool), always listening for
 * 'error'. node-postgres emits 'error' on a client whose connection dies while no query runs on it;
 * the pool listens while the client is idle and TypeORM while it holds it, but TypeORM attaches its
 * listener a microtask after the pool hands a new client over. When PostgreSQL shuts down just as a
 * connection is made (ReadyForQuery and the FATAL arrive in one packet), the error is emitted in that
 * gap with nobody listening, and an unhandled 'error' event ends the whole API. With this listener
 * the error only leaves the client unusable: its query fails (answered 503) and the pool drops it.
 */
export class ResilientPgClient extends Client {
  constructor(config?: string | ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }
}
