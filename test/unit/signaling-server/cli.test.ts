/**
 * The tracker as a program (the house, second pass, point 6): `--help` answers, and a reader
 * of its log that goes away does not stop it — it goes on serving and stops cleanly.
 */
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { expect, it } from 'vitest';
import { ROOT } from '../../../tools/build';
import { openSocket } from './client';

const CLI = ['--import', 'tsx', join(ROOT, 'signaling-server/cli.ts')];

it('answers --help with every option, and exit 0', () => {
  const out = spawnSync(process.execPath, [...CLI, '--help'], { cwd: ROOT, encoding: 'utf8' });
  expect(out.status).toBe(0);
  for (const option of ['--max-peers-per-network', '--turn-per-address', '--trusted-proxy'])
    expect(out.stdout).toContain(option);
});

it('keeps serving when the reader of its log goes away, and stops cleanly on SIGTERM', async () => {
  const tracker = spawn(process.execPath, [...CLI, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines = createInterface({ input: tracker.stdout });
  const [first] = (await once(lines, 'line')) as [string];
  const { port } = JSON.parse(first) as { port: number };
  // The reader goes away: every later log line meets a closed pipe (EPIPE).
  lines.close();
  tracker.stdout.destroy();
  // Each of these is logged ("refused": not a peer id), into the closed pipe.
  for (let i = 0; i < 20; i++) {
    const { socket, refused } = await openSocket(port, 'nope', 'x');
    expect(refused).toBe(400);
    socket.terminate();
  }
  const health = await fetch(`http://127.0.0.1:${port}/health`);
  expect(health.status).toBe(200);
  expect(tracker.exitCode).toBeNull();
  tracker.kill('SIGTERM');
  const [code] = (await once(tracker, 'exit')) as [number | null];
  expect(code).toBe(0);
});
