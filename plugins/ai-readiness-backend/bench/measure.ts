/*
 * Time and memory of one run, as the backend benchmarks report them.
 */

/** Bytes as whole megabytes ("123 MB"). */
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/**
 * Runs `run` after a full GC, sampling the process's RSS every 20 ms: its
 * result, how long it took, and the RSS before and at its peak.
 */
export async function measurePeak<T>(
  gc: () => void,
  run: () => Promise<T>,
): Promise<{ result: T; ms: number; rssBefore: number; peak: number }> {
  gc();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  try {
    const result = await run();
    const ms = performance.now() - started;
    return {
      result,
      ms,
      rssBefore,
      peak: Math.max(peak, process.memoryUsage().rss),
    };
  } finally {
    clearInterval(sampler);
  }
}
