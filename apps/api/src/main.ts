import 'reflect-metadata';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/app-config';
import { createLogger } from './common/logger';
import { loadDotEnv } from './config/dot-env';
import { resolveDatabase } from './database/resolve-database';
import { demoLoginsByRole, DEMO_PASSWORD } from './demo/demo-data';
import { DemoSeedService } from './demo/demo-seed.service';

function printDemoLogins(port: number) {
  const lines = Object.entries(demoLoginsByRole()).map(
    ([role, names]) => `  ${role.padEnd(12)} ${names.join(', ')}`,
  );
  console.log(
    [
      '',
      `Mentorsystemet runs at http://localhost:${port}`,
      `Demo logins (password "${DEMO_PASSWORD}" for all):`,
      ...lines,
      'Stop with Ctrl-C.',
      '',
    ].join('\n'),
  );
}

async function main() {
  loadDotEnv();
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const database = await resolveDatabase(config, (message) => logger.info(message));
  let app: Awaited<ReturnType<typeof createApp>> | undefined;

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`Received ${signal}; shutting down.`);
    await app?.close().catch((error: unknown) => logger.error({ err: error }, 'closing the app failed'));
    await database
      .stop()
      .catch((error: unknown) => logger.error({ err: error }, 'stopping PostgreSQL failed'));
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  try {
    app = await createApp({ config, databaseUrl: database.url, logger });
    // Demo data on a fresh embedded database, or when asked for; never silently into a given server.
    const seed = config.DEMO_DATA ?? (database.embedded && database.created);
    if (seed) await app.get(DemoSeedService).seed();
    await app.listen({ port: config.PORT, host: config.HOST });
    if (seed || (database.embedded && config.DEMO_DATA !== false)) printDemoLogins(config.PORT);
    else console.log(`Mentorsystemet runs at http://localhost:${config.PORT}`);
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database.stop().catch(() => undefined);
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
