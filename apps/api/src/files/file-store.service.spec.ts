import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { fileEncryptionKey } from './file-key';
import { FileStore } from './file-store.service';

describe('FileStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'file-store-spec-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const store = (env: Record<string, string>) =>
    new FileStore({} as DataSource, loadConfig({ DATA_DIR: dir, ...env }));

  it('refuses a storage directory inside the web root, and makes its own directory otherwise', () => {
    const web = join(dir, 'web');
    expect(() => store({ WEB_DIST_DIR: web, FILE_STORAGE_DIR: join(web, 'files') })).toThrow(/WEB_DIST_DIR/);
    expect(() => store({ WEB_DIST_DIR: web, FILE_STORAGE_DIR: web })).toThrow(/WEB_DIST_DIR/);
    store({ WEB_DIST_DIR: web, FILE_STORAGE_DIR: join(dir, 'webfiles') });
    store({ WEB_DIST_DIR: web });
    expect(existsSync(join(dir, 'files'))).toBe(true);
  });
});

describe('fileEncryptionKey', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'file-key-spec-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('takes the configured key, and refuses one of the wrong length', () => {
    const key = Buffer.alloc(32, 5);
    expect(fileEncryptionKey(loadConfig({ FILE_ENCRYPTION_KEY: key.toString('base64') }))).toEqual(key);
    expect(() => fileEncryptionKey(loadConfig({ FILE_ENCRYPTION_KEY: 'c2hvcnQ=' }))).toThrow(/32 bytes/);
  });

  it('needs a key in production, and keeps one in DATA_DIR elsewhere', () => {
    expect(() => fileEncryptionKey(loadConfig({ NODE_ENV: 'production', DATA_DIR: dir }))).toThrow(
      /must be set in production/,
    );
    const first = fileEncryptionKey(loadConfig({ DATA_DIR: dir }));
    expect(first).toHaveLength(32);
    expect(existsSync(join(dir, 'file-key.json'))).toBe(true);
    expect(fileEncryptionKey(loadConfig({ DATA_DIR: dir }))).toEqual(first);
  });
});
