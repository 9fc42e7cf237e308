import { createServer, type Server } from 'node:net';
import { Pool, type PoolClient } from 'pg';
import { ResilientPgClient } from './pg-client';

const message = (type: string, body: Buffer) => {
  const head = Buffer.alloc(5);
  head.write(type, 0);
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
};

/**
 * A server that accepts a connection (AuthenticationOk, ReadyForQuery) and, in the same packet,
 * ends it as PostgreSQL's fast shutdown does (FATAL 57P01), then closes the socket.
 */
function shuttingDownServer(): Promise<{ server: Server; port: number }> {
  const packet = Buffer.concat([
    message('R', Buffer.from([0, 0, 0, 0])),
    message('Z', Buffer.from('I')),
    message('E', Buffer.from('SFATAL\0C57P01\0Mterminating connection due to administrator command\0\0')),
  ]);
  const server = createServer((socket) => {
    socket.on('error', () => undefined);
    socket.once('data', () => socket.end(packet));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address ? address.port : 0 });
    }),
  );
}

describe('ResilientPgClient', () => {
  it('survives a connection ended in the same packet that made it (without it, an unhandled error)', async () => {
    const { server, port } = await shuttingDownServer();
    const pool = new Pool({ host: '127.0.0.1', port, user: 'x', database: 'x', Client: ResilientPgClient });
    pool.on('error', () => undefined);
    try {
      // As TypeORM takes a client: the pool's callback resolves a promise, and whoever awaits it
      // attaches a listener only afterwards, when the FATAL has already been emitted.
      const client = await new Promise<PoolClient>((resolve, reject) =>
        pool.connect((error, c) => (error || !c ? reject(error) : resolve(c))),
      );
      client.on('error', () => undefined);
      await expect(client.query('SELECT 1')).rejects.toThrow(/not queryable|terminated/);
      client.release(new Error('dead'));
    } finally {
      await pool.end();
      server.close();
    }
  });
});
