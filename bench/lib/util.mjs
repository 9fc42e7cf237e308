// Small helpers shared by the benchmark modules.
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The repository root (bench/ sits directly under it). */
export const root = fileURLToPath(new URL('../..', import.meta.url));

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A positive number from the environment, else the fallback. */
export function envNumber(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`${name} must be a non-negative number, not "${raw}".`);
  return value;
}

/** A free TCP port on 127.0.0.1, chosen by the OS. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** True while a process with this pid exists (EPERM: it exists but belongs to another user). */
export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

export async function waitForPidExit(pid, timeoutMs) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (!isAlive(pid)) return true;
    await sleep(50);
  }
  return !isAlive(pid);
}

export const fileExists = (path) => existsSync(path);

/** Formatting: kB is 1000 bytes, as Angular's budgets and build output use it. */
export const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
export const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(value < 10 ? 2 : 1)} ms` : 'n/a');
export const seconds = (valueMs) => `${(valueMs / 1000).toFixed(2)} s`;
export const round = (value, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

export function heading(text) {
  console.log(`\n== ${text} ${'='.repeat(Math.max(0, 72 - text.length))}`);
}
