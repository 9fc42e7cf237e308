// Where the machine's CPU time goes during a measured run: the app's process, this benchmark process
// (the load generator: autocannon or the pg pool) and the rest (PostgreSQL, when it runs here, and
// anything else on the machine). Per request, so runs of different throughput compare; the sum
// against the machine's cores tells whether the run was CPU-bound.
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

// Linux reports a process's times in clock ticks of 1/100 s (USER_HZ, 100 on every common build).
const TICK_MS = 10;

/** The machine's busy, waiting-for-disk and total CPU ms: /proc/stat on Linux, else os.cpus() (no I/O wait). */
function machineMs() {
  try {
    const [user, nice, system, idle, iowait, irq, softirq, steal] = readFileSync('/proc/stat', 'utf8')
      .split('\n')[0]
      .trim()
      .split(/\s+/)
      .slice(1)
      .map((ticks) => Number(ticks) * TICK_MS);
    const busy = user + nice + system + irq + softirq + steal;
    return { busy, ioWait: iowait, all: busy + idle + iowait };
  } catch {
    let busy = 0;
    let all = 0;
    for (const { times } of cpus()) {
      const total = times.user + times.nice + times.sys + times.irq + times.idle;
      all += total;
      busy += total - times.idle;
    }
    return { busy, ioWait: 0, all };
  }
}

/** utime + stime of a process in ms, or undefined where /proc is not there. */
function processMs(pid) {
  try {
    // The command name (field 2) may hold spaces; the fields after its ')' are fixed.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(')').at(-1).trim().split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}

function benchMs() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Starts measuring; `stop(requests)` returns CPU ms per request of the app (`appPid`, omit for
 * none), of the load generator and of the rest, and how busy the machine was (0–100 %).
 */
export function cpuMeter(appPid) {
  const start = { machine: machineMs(), app: appPid ? processMs(appPid) : 0, bench: benchMs() };
  return {
    stop(requests) {
      const machine = machineMs();
      const busy = machine.busy - start.machine.busy;
      const app = appPid ? (processMs(appPid) ?? NaN) - start.app : 0;
      const bench = benchMs() - start.bench;
      const all = machine.all - start.machine.all;
      const per = (value) => Number((value / Math.max(1, requests)).toFixed(2));
      const percent = (value) => Number(((value / all) * 100).toFixed(0));
      return {
        machineBusyPercent: percent(busy),
        ioWaitPercent: percent(machine.ioWait - start.machine.ioWait),
        msPerRequest: { app: per(app), loadGenerator: per(bench), rest: per(busy - app - bench) },
      };
    },
  };
}

/** "CPU per request, ms: API 1.02 + load generator 0.41 + rest (PostgreSQL) 1.95 (machine 97 % busy, 1 % I/O wait)". */
export function describeCpu({ machineBusyPercent, ioWaitPercent, msPerRequest: m }, appLabel = 'API') {
  const parts = [
    ...(m.app ? [`${appLabel} ${m.app.toFixed(2)}`] : []),
    `load generator ${m.loadGenerator.toFixed(2)}`,
    `rest (PostgreSQL) ${m.rest.toFixed(2)}`,
  ];
  return `CPU per request, ms: ${parts.join(' + ')} (machine ${machineBusyPercent} % busy, ${ioWaitPercent} % I/O wait)`;
}
