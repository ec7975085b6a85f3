/*
 * The entry point of the bundled binary (dist/ai-readiness.js).
 */
import { run } from './run';

export async function main(
  argv: string[] = process.argv.slice(2),
): Promise<void> {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    // `ai-readiness check ... | head`: the reader left; not an error of ours.
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  process.exitCode = await run(argv, {
    stdout: text => process.stdout.write(text),
    stderr: text => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
  });
}
