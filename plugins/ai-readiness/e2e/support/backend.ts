/*
 * A second portal that a spec starts and stops itself (`npm start`, i.e.
 * scripts/start.js, without its file watcher and with the app built by the
 * shared portal): for what the shared one cannot show, such as a restart.
 */
import { spawn, ChildProcess } from 'child_process';
import path from 'path';
import { repoRoot } from './examples';

export type Backend = { baseURL: string; stop(): Promise<void> };

/** Starts it and resolves once it is ready (start.js prints "Open <url>"). */
export function startBackend(options: {
  port: number;
  env?: Record<string, string>;
  configFiles?: string[];
  timeoutMs?: number;
}): Promise<Backend> {
  const { port, env = {}, configFiles = [], timeoutMs = 300_000 } = options;
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(repoRoot, 'scripts', 'start.js')],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        ...env,
        PORT: String(port),
        WATCH: '0',
        SKIP_APP_BUILD: '1',
        APP_CONFIG_FILES: configFiles.join(','),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const exited = new Promise<void>(resolve =>
    child.once('exit', () => resolve()),
  );
  const backend: Backend = {
    baseURL: `http://localhost:${port}`,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM'); // start.js stops the backend's process group, then exits
        await exited;
      }
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      backend.stop();
      reject(
        new Error(
          `the backend on port ${port} was not ready in ${
            timeoutMs / 1000
          } s:\n${output.slice(-3000)}`,
        ),
      );
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes(`Open http://localhost:${port}`)) {
        clearTimeout(timer);
        resolve(backend);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', code => {
      clearTimeout(timer);
      reject(
        new Error(
          `the backend on port ${port} exited (${code}):\n${output.slice(
            -3000,
          )}`,
        ),
      );
    });
  });
}
