// Starts the app with `npm start` on its own data directory and port, times it to the first healthy
// answer, and stops it the way a user does (SIGTERM to the app process, which then stops its
// embedded PostgreSQL), waiting until both are gone.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { onCleanup } from './cleanup.mjs';
import { isAlive, root, sleep, waitForPidExit } from './util.mjs';

const READY_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 60_000;

/** The pids below `pid` (Linux /proc), depth first. */
function descendants(pid) {
  let children = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
  } catch {
    return [];
  }
  return children.map(Number).flatMap((child) => [child, ...descendants(child)]);
}

const argv = (pid) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return [];
  }
};

/**
 * npm runs the script through `sh -c`, and neither forwards SIGTERM to the app (npm exits and the app
 * would be orphaned), so the signal goes to the `node tools/start.mjs` process itself (an argument
 * exactly `tools/start.mjs`: the shell's single argument `node tools/start.mjs` does not match).
 */
function findAppPid(npmPid) {
  return [npmPid, ...descendants(npmPid)].find((pid) =>
    argv(pid)
      .slice(1)
      .some((arg) => arg === 'tools/start.mjs' || arg.endsWith('/tools/start.mjs')),
  );
}

/** The embedded PostgreSQL's postmaster pid while its pid file exists. */
function postmasterPid(dataDir) {
  const file = join(dataDir, 'postgres', 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

async function healthy(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

/**
 * Spawns `npm start` and resolves once GET /api/health answers 200, with the time from the spawn.
 * The returned handle's stop() sends SIGTERM and waits for the app and its PostgreSQL to exit.
 * `env` adds variables (e.g. DATABASE_URL for a given server); `direct` runs the built
 * `dist/api/main.js` itself instead of `npm start` (no build check, so nothing is rebuilt meanwhile).
 */
export async function startApp({ dataDir, port, env: extraEnv = {}, direct = false }) {
  const env = { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.DEMO_DATA; // the default: demo data into a freshly created embedded database
  Object.assign(env, extraEnv);
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  let exited = null;

  const started = performance.now();
  // Its own process group: a Ctrl-C in the terminal reaches only the benchmark, which stops the app.
  const [command, args] = direct
    ? [process.execPath, ['--enable-source-maps', 'dist/api/main.js']]
    : ['npm', ['start']];
  const child = spawn(command, args, {
    cwd: root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exitPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve(exited);
    });
    child.on('error', (error) => {
      exited = { code: null, signal: null, error };
      resolve(exited);
    });
  });
  const collect = (chunk) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);

  let appPid = direct ? child.pid : undefined;
  let stopping;
  const stop = () => (stopping ??= stopNow());
  const stopNow = async () => {
    unregister();
    appPid ??= findAppPid(child.pid);
    const target = appPid ?? child.pid;
    if (appPid) {
      if (isAlive(appPid)) process.kill(appPid, 'SIGTERM');
    } else {
      // Not found (it may not have started yet): signal npm's whole process group instead.
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // the group is already empty
      }
    }
    const appGone = await waitForPidExit(target, STOP_TIMEOUT_MS);
    const npmGone = await Promise.race([exitPromise.then(() => true), sleep(10_000).then(() => false)]);
    const forced = !appGone || !npmGone;
    if (forced) {
      console.error(`The app (pid ${target}) did not stop within ${STOP_TIMEOUT_MS / 1000} s; killing it.`);
      for (const pid of [target, child.pid]) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
      await exitPromise;
    }
    // The app stops its PostgreSQL before it exits; make sure no server is left running.
    const postmaster = postmasterPid(dataDir);
    if (postmaster && isAlive(postmaster) && !(await waitForPidExit(postmaster, 10_000))) {
      console.error(`The embedded PostgreSQL (pid ${postmaster}) outlived the app; stopping it.`);
      process.kill(postmaster, 'SIGINT'); // fast shutdown
      if (!(await waitForPidExit(postmaster, 15_000))) process.kill(postmaster, 'SIGKILL');
    }
    if (forced) {
      try {
        process.kill(-child.pid, 'SIGKILL'); // whatever else is left in npm's process group
      } catch {
        // the group is already empty
      }
    }
  };
  const unregister = onCleanup(stop);

  try {
    const deadline = started + READY_TIMEOUT_MS;
    for (;;) {
      if (exited) {
        throw new Error(
          `npm start exited (code ${exited.code}, signal ${exited.signal}) before the app was healthy.` +
            (exited.error ? ` ${exited.error.message}` : '') +
            `\n--- its output ---\n${output.trim()}`,
        );
      }
      if (await healthy(`${baseUrl}/api/health`)) break;
      if (performance.now() > deadline) {
        throw new Error(`No 200 from /api/health within ${READY_TIMEOUT_MS / 1000} s.\n${output.trim()}`);
      }
      await sleep(25);
    }
    const startupMs = performance.now() - started;
    appPid ??= findAppPid(child.pid);
    return {
      baseUrl,
      startupMs,
      /** True when `npm start` had to build first (the time then includes a build). */
      get rebuilt() {
        return /Building the/.test(output);
      },
      get output() {
        return output;
      },
      /** The app's process id (the `node` running it). */
      get pid() {
        return appPid ?? child.pid;
      },
      /** null while the app runs; { code, signal } once it has exited. */
      get exited() {
        return exited;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
