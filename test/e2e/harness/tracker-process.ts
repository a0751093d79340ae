/**
 * Runs the real tracker CLI (`signaling-server/cli.ts`) as a child process on a free loopback
 * port and follows its JSON event log, so tests see what the tracker saw.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { ROOT } from '../../../tools/build';

export interface TrackerEventLine {
  event: string;
  peerId?: string;
  port?: number;
  [key: string]: unknown;
}

export interface TrackerProcess {
  url: string;
  port: number;
  events: TrackerEventLine[];
  waitForEvent(
    match: (e: TrackerEventLine) => boolean,
    timeoutMs?: number,
  ): Promise<TrackerEventLine>;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

export interface TrackerProcessOptions {
  /** Run inside this network namespace (the NAT lab's internet), listening on `host`. */
  netns?: string;
  host?: string;
  /** More tracker flags (ICE URLs, TLS); secrets go in `env`, as an operator would. */
  args?: string[];
  env?: Record<string, string>;
}

export async function startTrackerProcess(
  port = 0,
  options: TrackerProcessOptions = {},
): Promise<TrackerProcess> {
  const host = options.host ?? '127.0.0.1';
  const command = [
    process.execPath,
    '--import',
    'tsx',
    join(ROOT, 'signaling-server/cli.ts'),
    '--port',
    String(port),
    '--host',
    host,
    ...(options.args ?? []),
  ];
  const child: ChildProcess = options.netns
    ? spawn('ip', ['netns', 'exec', options.netns, ...command], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, ...options.env },
      })
    : spawn(command[0]!, command.slice(1), {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, ...options.env },
      });
  const events: TrackerEventLine[] = [];
  const waiters = new Set<() => void>();
  createInterface({ input: child.stdout! }).on('line', (line) => {
    try {
      events.push(JSON.parse(line) as TrackerEventLine);
    } catch {
      events.push({ event: 'unparsed', line });
    }
    for (const wake of waiters) wake();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

  const waitForEvent = (match: (e: TrackerEventLine) => boolean, timeoutMs = 15_000) =>
    new Promise<TrackerEventLine>((resolve, reject) => {
      const check = () => {
        const found = events.find(match);
        if (!found) return;
        cleanup();
        resolve(found);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new Error(`tracker event not seen in ${timeoutMs} ms; saw ${JSON.stringify(events)}`),
        );
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });

  const listening = await waitForEvent((e) => e.event === 'listening', 20_000);
  return {
    url: `ws://${host}:${listening.port}/murmur`,
    port: listening.port!,
    events,
    waitForEvent,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
