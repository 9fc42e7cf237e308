import type { Logger } from '@nestjs/common';

/**
 * Runs a background job on each API instance: first after `firstDelayMs` (start-up, migrations and
 * demo data are long over by then), then every `intervalMs`. A failed run is logged and the next
 * one comes as planned; the timers never keep the process alive. Answers the function that stops it.
 */
export function scheduleJob(
  logger: Pick<Logger, 'error'>,
  firstDelayMs: number,
  intervalMs: number,
  job: () => Promise<unknown>,
): () => void {
  const timers: NodeJS.Timeout[] = [];
  const tick = () => void job().catch((error: unknown) => logger.error(String(error)));
  const first = setTimeout(() => {
    tick();
    const every = setInterval(tick, intervalMs);
    every.unref();
    timers.push(every);
  }, firstDelayMs);
  first.unref();
  timers.push(first);
  return () => {
    for (const timer of timers.splice(0)) clearTimeout(timer);
  };
}
