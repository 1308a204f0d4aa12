import { describe, expect, it, vi } from 'vitest';
import type { AppContext } from './context.js';
import { startScheduler } from './scheduler.js';

describe('the scheduler', () => {
  it('runs each job on its interval, never two runs of one job at once, logs failures and keeps going, and waits for a running job on stop', async () => {
    vi.useFakeTimers();
    try {
      const log = { debug: vi.fn(), error: vi.fn() };
      let running = 0;
      let maxRunning = 0;
      let runs = 0;
      let release: (() => void) | undefined;
      const slow = async () => {
        runs += 1;
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        await new Promise<void>((resolve) => (release = resolve));
        running -= 1;
      };
      let failures = 0;
      const failing = async () => {
        failures += 1;
        throw new Error('database unavailable');
      };
      const scheduler = startScheduler({} as AppContext, [
        { name: 'slow', everyMs: 100, run: slow },
        { name: 'failing', everyMs: 100, run: failing },
      ], log);
      await vi.advanceTimersByTimeAsync(1000); // the first run, one second after start
      expect(runs).toBe(1);
      await vi.advanceTimersByTimeAsync(500); // five more ticks while the slow run is still going
      expect(runs).toBe(1);
      expect(maxRunning).toBe(1);
      release!();
      await vi.advanceTimersByTimeAsync(100);
      expect(runs).toBe(2);
      expect(failures).toBeGreaterThanOrEqual(6);
      expect(log.error).toHaveBeenCalledWith(expect.objectContaining({ job: 'failing', err: 'database unavailable' }), 'scheduled job failed');
      let stopped = false;
      const stopping = scheduler.stop().then(() => (stopped = true));
      await vi.advanceTimersByTimeAsync(10);
      expect(stopped).toBe(false); // the slow job is still running
      release!();
      await stopping;
      expect(stopped).toBe(true);
      await vi.advanceTimersByTimeAsync(1000);
      expect(runs).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
