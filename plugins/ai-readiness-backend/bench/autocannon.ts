/*
 * autocannon in its own process (so that the load generator does not share
 * the event loop of the backend it measures), answering the figures the
 * backend benchmarks print and check.
 */
import { execFile } from 'child_process';
import path from 'path';

/** Latencies in milliseconds; rps is the mean of requests per second. */
export interface Figures {
  p50: number;
  p99: number;
  average: number;
  rps: number;
  requests: number;
  non2xx: number;
  errors: number;
}

/**
 * Loads `url` with `connections` connections for `duration` seconds; `extra`
 * arguments (method, body, headers) go before the URL.
 */
export function autocannon(
  url: string,
  options: { connections: number; duration: number; extra?: string[] },
): Promise<Figures> {
  const bin = path.resolve(
    require.resolve('autocannon/package.json'),
    '..',
    'autocannon.js',
  );
  const args = [
    bin,
    '-c',
    String(options.connections),
    '-d',
    String(options.duration),
    '-j',
    ...(options.extra ?? []),
    url,
  ];
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      args,
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout) => {
        if (error) return reject(error);
        const r = JSON.parse(stdout);
        return resolve({
          p50: r.latency.p50,
          p99: r.latency.p99,
          average: r.latency.average,
          rps: r.requests.average,
          requests: r.requests.total,
          non2xx: r.non2xx,
          errors: r.errors,
        });
      },
    );
  });
}

/**
 * One route's figures on one line: the label padded to `labelWidth`, p50 and
 * p99 (and the mean latency when `average`), requests per second and counts.
 */
export function figuresLine(
  label: string,
  r: Figures,
  options: { labelWidth?: number; average?: boolean } = {},
): string {
  const average = options.average
    ? `avg ${r.average.toFixed(1).padStart(6)} ms  `
    : '';
  return `${label.padEnd(options.labelWidth ?? 40)} p50 ${String(
    r.p50,
  ).padStart(4)} ms  p99 ${String(r.p99).padStart(
    4,
  )} ms  ${average}${Math.round(r.rps)} req/s  (${r.requests} requests, ${
    r.non2xx
  } non-2xx, ${r.errors} errors)`;
}

/** Why a route's run failed ("label: N non-2xx, M errors"), or undefined. */
export function failureOf(label: string, r: Figures): string | undefined {
  return r.non2xx || r.errors
    ? `${label}: ${r.non2xx} non-2xx, ${r.errors} errors`
    : undefined;
}
