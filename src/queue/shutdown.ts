// Graceful shutdown on SIGTERM/SIGINT for long-running commands (worker, watch): the first
// signal stops taking new jobs and lets the jobs in hand finish; a second signal, or the grace
// period running out, exits at once (a job cut short is recovered by another worker: BullMQ's
// stalled-job check, or the file still waiting in the inbox).

export interface ShutdownOptions {
  /** Called when the first signal arrives (e.g. to print "finishing the job in hand…"). */
  onSignal?: (signal: NodeJS.Signals) => void;
  /** Longest wait for `stop` before exiting anyway (ms). Default 10 minutes. */
  graceMs?: number;
  signals?: NodeJS.Signals[];
}

/** Resolves once a signal arrived and `stop` finished. */
export function untilShutdown(stop: () => Promise<void>, opts: ShutdownOptions = {}): Promise<void> {
  const signals = opts.signals ?? ['SIGTERM', 'SIGINT'];
  return new Promise<void>((resolve, reject) => {
    let stopping = false;
    const handler = (signal: NodeJS.Signals) => {
      if (stopping) {
        process.stderr.write(`${signal} lần nữa: dừng ngay.\n`);
        process.exit(130);
      }
      stopping = true;
      opts.onSignal?.(signal);
      const grace = setTimeout(() => {
        process.stderr.write('Hết thời gian chờ: dừng ngay.\n');
        process.exit(1);
      }, opts.graceMs ?? 600_000);
      grace.unref();
      stop().then(
        () => {
          clearTimeout(grace);
          for (const s of signals) process.off(s, handler);
          resolve();
        },
        (err: unknown) => {
          clearTimeout(grace);
          for (const s of signals) process.off(s, handler);
          reject(err);
        },
      );
    };
    for (const s of signals) process.on(s, handler);
  });
}
