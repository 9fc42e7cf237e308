// Everything the benchmark starts (the app, Chromium, a load run) registers how to stop it here, so
// that a normal end, an error and Ctrl-C/SIGTERM all stop it and nothing is left running.
const tasks = new Set();
let installed = false;
let running = Promise.resolve();
let signalled = null;
let signalExit = null;

/** Registers an async stop function; returns a function that unregisters it. */
export function onCleanup(stop) {
  installSignalHandlers();
  tasks.add(stop);
  return () => tasks.delete(stop);
}

/** Runs every registered stop function (newest first), each once; concurrent calls wait for each other. */
export function cleanupAll() {
  running = running.then(async () => {
    const pending = [...tasks].reverse();
    tasks.clear();
    for (const stop of pending) {
      try {
        await stop();
      } catch (error) {
        console.error(`cleanup failed: ${error instanceof Error ? error.message : error}`);
      }
    }
  });
  return running;
}

/** The signal that interrupts the run, or null. */
export const interrupted = () => signalled;

/** Exits with `code`, unless a signal is being handled: then that handler's cleanup and exit win. */
export async function finish(code) {
  if (signalExit) await signalExit;
  process.exit(code);
}

function installSignalHandlers() {
  if (installed) return;
  installed = true;
  const codes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  for (const [signal, code] of Object.entries(codes)) {
    process.on(signal, () => {
      if (signalled) return;
      signalled = signal;
      console.error(`\nReceived ${signal}; stopping what the benchmark started ...`);
      signalExit = cleanupAll().finally(() => process.exit(code));
    });
  }
}
