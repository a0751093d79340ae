/**
 * `murmur-node` as a person runs it: the bundled program under plain `node`, against a tracker
 * on loopback. It explains itself, refuses bad options and a second copy, logs JSON lines with
 * no peer id or address, keeps its identity across a `kill -9`, survives its stdout closing,
 * and stops cleanly on SIGTERM.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { localConfig } from '../../../signaling-server/config';
import { startTracker, type RunningTracker } from '../../../signaling-server/tracker';
import { buildHome } from '../../../tools/build-home';
import { HOME_NODE_FLAGS } from '../../../home/node-flags';

let tracker: RunningTracker;
let bundle: string;
const running: ChildProcessWithoutNullStreams[] = [];

beforeAll(async () => {
  [tracker, bundle] = await Promise.all([startTracker(localConfig()), buildHome()]);
}, 60_000);
afterAll(async () => {
  for (const child of running) child.kill('SIGKILL');
  await tracker.stop();
});

const trackerUrl = () => `ws://127.0.0.1:${tracker.port}/murmur`;

function start(args: string[]) {
  const child = spawn(process.execPath, [...HOME_NODE_FLAGS, bundle, ...args]);
  running.push(child);
  const lines: Record<string, unknown>[] = [];
  const waiters: { match: (l: Record<string, unknown>) => boolean; found: () => void }[] = [];
  createInterface({ input: child.stdout }).on('line', (text) => {
    const line = JSON.parse(text) as Record<string, unknown>;
    lines.push(line);
    for (const w of waiters.filter((w) => w.match(line))) w.found();
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const until = (match: (l: Record<string, unknown>) => boolean) =>
    new Promise<void>((found) => {
      if (lines.some(match)) return found();
      waiters.push({ match, found });
    });
  return { child, lines, until, exited, stderr: () => stderr };
}

const connected = (l: Record<string, unknown>) => l.event === 'tracker' && l.state === 'connected';

/** A run that ends by itself: its exit code and what it printed. */
function runOnce(args: string[]) {
  const child = spawn(process.execPath, [...HOME_NODE_FLAGS, bundle, ...args]);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
}

it('explains every option and refuses a bad one', async () => {
  const help = await runOnce(['--help']);
  expect(help.code).toBe(0);
  for (const option of ['--data', '--tracker', '--name', '--quota', '--hold-days', '--help'])
    expect(help.stdout).toContain(option);

  const bad = await runOnce(['--data', join(tmpdir(), 'unused'), '--tracker', 'ftp://example.org']);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toMatch(/--tracker/);
  expect((await runOnce([])).code).toBe(2);
}, 30_000);

it('runs as a program of its own (the bin, the systemd unit) with the home’s Node flags', async () => {
  const data = mkdtempSync(join(tmpdir(), 'murmur-home-cli-'));
  // No `node` in front: the bundle's first line starts it, as the bin and the unit do.
  const child = spawn(bundle, ['--data', data, '--tracker', trackerUrl()]);
  const exited = new Promise((resolve) => child.on('exit', resolve));
  await new Promise<void>((resolve) =>
    createInterface({ input: child.stdout }).on('line', (text) => {
      if (connected(JSON.parse(text) as Record<string, unknown>)) resolve();
    }),
  );
  // Running, so env has exec()ed node in its own place: node's arguments are the process's.
  const argv = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').split('\0');
  expect(argv).toEqual(expect.arrayContaining([...HOME_NODE_FLAGS, bundle]));
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
}, 30_000);

it('runs, refuses a second copy, keeps its identity after kill -9, stops on SIGTERM', async () => {
  const data = mkdtempSync(join(tmpdir(), 'murmur-home-cli-'));
  const first = start(['--data', data, '--tracker', trackerUrl()]);
  await first.until(connected);
  expect(first.lines).toContainEqual(
    expect.objectContaining({ event: 'started', identity: 'created' }),
  );
  expect(statSync(join(data, 'home.db')).mode & 0o077).toBe(0);

  const second = start(['--data', data, '--tracker', trackerUrl()]);
  expect(await second.exited).toBe(1);
  expect(second.stderr()).toMatch(/another Murmur home/);

  first.child.kill('SIGKILL');
  await first.exited;
  const again = start(['--data', data, '--tracker', trackerUrl()]);
  await again.until(connected);
  expect(again.lines).toContainEqual(
    expect.objectContaining({ event: 'started', identity: 'kept' }),
  );

  // Nobody reads the log any more: the home goes on, and still stops cleanly.
  again.child.stdout.destroy();
  again.child.kill('SIGTERM');
  expect(await again.exited).toBe(0);

  const log = JSON.stringify([...first.lines, ...again.lines]);
  expect(log).not.toMatch(/m[0-9a-f]{32}|127\.0\.0\.1|\d+\.\d+\.\d+\.\d+:\d+/);
}, 60_000);

it('logs "stopped" on SIGTERM and exits 0', async () => {
  const data = mkdtempSync(join(tmpdir(), 'murmur-home-cli-'));
  const home = start(['--data', data, '--tracker', trackerUrl()]);
  await home.until(connected);
  home.child.kill('SIGTERM');
  expect(await home.exited).toBe(0);
  expect(home.lines.map((l) => l.event)).toEqual(expect.arrayContaining(['stopping', 'stopped']));
}, 60_000);
