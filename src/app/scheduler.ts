import type { AppContext } from './context.js';

/** One kind of background work: a name for the log, how often, and what to do. */
export interface ScheduledJob {
  name: string;
  everyMs: number;
  run: (ctx: AppContext) => Promise<unknown>;
}

export interface Scheduler {
  stop(): Promise<void>;
}

/**
 * Runs background work in the server process (DESIGN: no broker): each job on its own interval, never
 * two runs of the same job at once, errors logged and retried at the next tick (runs that went well are
 * logged at debug level: the webhook job runs every few seconds). Every job is
 * idempotent and transactional, so a crash mid-run loses nothing and a second server does no harm.
 */
export function startScheduler(
  ctx: AppContext,
  jobs: readonly ScheduledJob[],
  log: { debug: (obj: object, msg: string) => void; error: (obj: object, msg: string) => void },
): Scheduler {
  const running = new Map<string, Promise<void>>();
  let stopped = false;
  const tick = (job: ScheduledJob) => {
    if (stopped || running.has(job.name)) return;
    const started = Date.now();
    const run = job
      .run(ctx)
      .then((result) => log.debug({ job: job.name, ms: Date.now() - started, result }, 'scheduled job done'))
      .catch((error: unknown) => log.error({ job: job.name, err: error instanceof Error ? error.message : String(error) }, 'scheduled job failed'))
      .finally(() => running.delete(job.name));
    running.set(job.name, run);
  };
  const timers = jobs.map((job) => {
    setTimeout(() => tick(job), 1000).unref();
    const timer = setInterval(() => tick(job), job.everyMs);
    timer.unref();
    return timer;
  });
  return {
    async stop() {
      stopped = true;
      timers.forEach(clearInterval);
      await Promise.all(running.values());
    },
  };
}
