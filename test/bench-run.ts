/**
 * Runs one `npm run bench:*` script at a small size, as `npm test` does for every benchmark so
 * none can silently break: it must exit 0 and end with its one JSON line.
 */
import { spawn } from 'node:child_process';
import { expect } from 'vitest';
import { ROOT } from '../tools/build';

export interface BenchRun {
  code: number | null;
  /** The last line, parsed: every benchmark's closing JSON object. */
  result: Record<string, unknown> | null;
  output: string;
}

export function runBench(script: string, args: string[], timeoutMs: number): Promise<BenchRun> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script, '--', ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const last = output.trim().split('\n').at(-1) ?? '';
      let result: Record<string, unknown> | null = null;
      try {
        result = JSON.parse(last) as Record<string, unknown>;
      } catch {
        result = null;
      }
      resolve({ code, result, output: output.slice(-4000) });
    });
  });
}

/** Runs it and expects what every benchmark promises: exit 0, and `key` in its JSON line. */
export async function expectBench(
  script: string,
  args: string[],
  key: string,
  timeoutMs: number,
): Promise<void> {
  const run = await runBench(script, args, timeoutMs);
  expect(run.code, run.output).toBe(0);
  expect(run.result, run.output).toHaveProperty(key);
}
