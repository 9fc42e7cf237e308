import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { scheduleJob } from '../common/schedule';
import { AppConfig } from '../config/app-config';
import { retentionPolicy } from './retention-config';
import { RETENTION_TASKS, type RetentionCounts, type RetentionTask } from './retention-task';

// Start-up, migrations and demo data are long over by then, and a restart loop does not delete in a loop.
const FIRST_RUN_DELAY_MS = 10 * 60_000;

export interface RetentionRun {
  /** When the run counted from (the clock the tasks were given). */
  now: Date;
  /** Each task's counts, by kind; a kind that failed has `failed: 1` (logged) and the run went on. */
  kinds: Record<string, RetentionCounts>;
}

/**
 * Deletes data past its retention period (see README, "Retention"): runs every RetentionTask in
 * order (courses, messages, documents, citizens, and what else the module lists) on each API
 * instance every RETENTION_INTERVAL_HOURS, when RETENTION_JOB is on. The tasks serialise their
 * batches across instances with an advisory lock, so instances running at once share the work.
 * Logs counts only.
 */
@Injectable()
export class RetentionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Retention');
  private stop?: () => void;

  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(RETENTION_TASKS) private readonly tasks: readonly RetentionTask[],
  ) {}

  onApplicationBootstrap() {
    const policy = retentionPolicy(this.config);
    if (policy.enabled)
      this.stop = scheduleJob(this.logger, FIRST_RUN_DELAY_MS, policy.intervalMs, () => this.run());
  }

  onApplicationShutdown() {
    this.stop?.();
  }

  /** One run of every task as of `now`; a task that fails is logged and the next one still runs. */
  async run(now: Date = new Date()): Promise<RetentionRun> {
    const kinds: Record<string, RetentionCounts> = {};
    for (const task of this.tasks) {
      try {
        const result = await task.run(now);
        kinds[task.kind] = result;
        const counts = Object.entries(result).filter(([, n]) => n > 0);
        if (counts.length)
          this.logger.log(`Deleted (${task.kind}): ${counts.map(([k, n]) => `${k} ${n}`).join(', ')}.`);
      } catch (error) {
        kinds[task.kind] = { failed: 1 };
        // Database errors name constraints and ids, never the values of personal fields.
        this.logger.error(`Retention of ${task.kind} failed: ${String(error)}`);
      }
    }
    return { now, kinds };
  }
}
