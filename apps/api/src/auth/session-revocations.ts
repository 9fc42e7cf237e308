import { Client, type Notification } from 'pg';

/** The channel on which an instance tells all instances (itself too) that a user's sessions ended. */
export const SESSION_REVOKED_CHANNEL = 'session_revoked';
/** Names the listening connection in pg_stat_activity. */
export const LISTENER_APPLICATION_NAME = 'mentor-session-revocations';

const RETRY_FIRST_MS = 250;
const RETRY_MAX_MS = 5_000;

/** The part of a pg client the listener uses (a fake one in unit tests). */
export interface ListenerClient {
  connect(): Promise<unknown>;
  query(text: string): Promise<unknown>;
  end(): Promise<void>;
  on(event: 'notification', listener: (message: Notification) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
}

export interface RevocationHandlers {
  /** A user's sessions were ended (by any instance): forget what is cached for them. */
  revoked(userId: string): void;
  /**
   * The listener connected (true) or lost its connection (false). While it is not listening,
   * revocations by other instances go unheard: the cache must not be trusted.
   */
  listening(listening: boolean): void;
}

/**
 * A dedicated PostgreSQL connection that LISTENs on SESSION_REVOKED_CHANNEL. When the connection
 * is lost (PostgreSQL restarted, network gone, backend terminated) it says so and reconnects with
 * a growing pause (up to RETRY_MAX_MS) until `stop`; a failed attempt never throws or ends the process.
 */
export class SessionRevocationListener {
  private client?: ListenerClient;
  private retryMs = RETRY_FIRST_MS;
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly newClient: () => ListenerClient,
    private readonly handlers: RevocationHandlers,
  ) {}

  /**
   * A plain client for the database URL (not the pool's: no tenant setting is needed to LISTEN),
   * with TCP keep-alive so a silent network loss is noticed.
   */
  static pgClient(connectionString: string): () => ListenerClient {
    return () =>
      new Client({
        connectionString,
        keepAlive: true,
        connectionTimeoutMillis: 5_000,
        application_name: LISTENER_APPLICATION_NAME,
      });
  }

  get connected(): boolean {
    return this.client !== undefined;
  }

  /** Connects once (resolves whether or not that worked; on failure it keeps retrying in the background). */
  start(): Promise<void> {
    this.stopped = false;
    return this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    this.timer = undefined;
    if (this.stopped) return;
    const client = this.newClient();
    let live = false;
    const lost = () => {
      if (!live) return;
      live = false;
      if (this.client === client) {
        this.client = undefined;
        this.handlers.listening(false);
      }
      void client.end().catch(() => undefined);
      this.retry();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (message) => {
      if (message.channel === SESSION_REVOKED_CHANNEL && message.payload)
        this.handlers.revoked(message.payload);
    });
    try {
      live = true;
      await client.connect();
      await client.query(`LISTEN ${SESSION_REVOKED_CHANNEL}`);
    } catch {
      lost();
      return;
    }
    // Lost while connecting (its 'error' or 'end' came first), or stopped meanwhile.
    if (!live) return;
    if (this.stopped) {
      live = false;
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.retryMs = RETRY_FIRST_MS;
    this.handlers.listening(true);
  }

  private retry(): void {
    if (this.stopped || this.timer) return;
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
    this.timer = setTimeout(() => void this.connect(), wait);
    this.timer.unref();
  }
}
