import { scheduleJob } from './schedule';

describe('scheduleJob', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs first after the delay, then every interval, logs a failed run and goes on, until stopped', async () => {
    const logger = { error: jest.fn() };
    let runs = 0;
    const stop = scheduleJob(logger, 1000, 60_000, async () => {
      runs++;
      if (runs === 2) throw new Error('database away');
    });
    await jest.advanceTimersByTimeAsync(999);
    expect(runs).toBe(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(runs).toBe(1);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(runs).toBe(2);
    expect(logger.error).toHaveBeenCalledWith('Error: database away');
    await jest.advanceTimersByTimeAsync(60_000);
    expect(runs).toBe(3);
    stop();
    await jest.advanceTimersByTimeAsync(600_000);
    expect(runs).toBe(3);
  });

  it('runs nothing when stopped before the first run', async () => {
    let runs = 0;
    scheduleJob({ error: jest.fn() }, 1000, 1000, async () => runs++)();
    await jest.advanceTimersByTimeAsync(10_000);
    expect(runs).toBe(0);
  });
});
