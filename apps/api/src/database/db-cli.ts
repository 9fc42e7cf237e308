import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { revertLastMigration, runMigrations, schemaDrift } from '@mentor/migrations';
import { loadConfig } from '../config/app-config';
import { loadDotEnv } from '../config/dot-env';
import { appDataSourceOptions } from './data-source';
import { resolveDatabase } from './resolve-database';

const USAGE = 'usage: db-cli migrate | revert | status | generate <PascalCaseName>';

function migrationSource(className: string, up: string[], down: string[]): string {
  const lines = (qs: string[]) =>
    qs.map((q) => `    await queryRunner.query(${JSON.stringify(q)});`).join('\n');
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${lines(down)}
  }
}
`;
}

async function main() {
  const [command, name] = process.argv.slice(2);
  if (!command || !['migrate', 'revert', 'status', 'generate'].includes(command)) throw new Error(USAGE);
  const log = (m: string) => console.log(m);
  loadDotEnv();
  const config = loadConfig();
  const database = await resolveDatabase(config, log);
  const dataSource = new DataSource(appDataSourceOptions(database.url));
  await dataSource.initialize();
  try {
    if (command === 'migrate') {
      const applied = await runMigrations(dataSource);
      log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations.');
    } else if (command === 'revert') {
      await revertLastMigration(dataSource);
      log('Reverted the last migration.');
    } else if (command === 'status') {
      const pending = await dataSource.showMigrations();
      const drift = await schemaDrift(dataSource);
      log(`Pending migrations: ${pending ? 'yes' : 'no'}. Entity drift: ${drift.up.length} statement(s).`);
    } else {
      if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error(USAGE);
      await runMigrations(dataSource);
      const drift = await schemaDrift(dataSource);
      if (drift.up.length === 0) {
        log('Entities and migrations agree; nothing to generate.');
      } else {
        const stamp = Date.now();
        const file = join(process.cwd(), 'migrations', `${stamp}-${name}.ts`);
        writeFileSync(file, migrationSource(`${name}${stamp}`, drift.up, drift.down));
        log(`Wrote ${file}; add it to migrations/list.ts.`);
      }
    }
  } finally {
    await dataSource.destroy();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
