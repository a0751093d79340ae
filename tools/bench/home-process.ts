/**
 * The home as users run it: the bundled `murmur-node` in a process of its own, watched through
 * its JSON log lines. A benchmark that ran the home inside its own process would charge the
 * home's work to the browser it measures (and the other way round).
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { HOME_NODE_FLAGS } from '../../home/node-flags';

/** What the home's log has said so far. */
export interface HomeProcessState {
  /** Friends with a data channel to it. */
  linked: number;
  /** Sealed copies it carries (-1 until it first says). */
  carrying: number;
}

export interface HomeProcess {
  pid: number;
  /** Resolves once the home is registered with its tracker. */
  connected: Promise<void>;
  /** Resolves once `check` holds for what the log says; rejects after `waitMs`. */
  until(check: (state: HomeProcessState) => boolean, what: string, waitMs: number): Promise<void>;
  /** SIGTERM, and the process's exit. */
  stop(): Promise<void>;
  /** SIGKILL: the process ends wherever it was, as on a power cut of the program. */
  kill9(): Promise<void>;
}

type LogLine = { event: string; count?: number; state?: string };

/** The bundle a benchmark was given by tools/bench/bundled.ts. */
export function benchHomeBundle(): string {
  const bundle = process.env.MURMUR_HOME_BUNDLE;
  if (!bundle) throw new Error('run me through tools/bench/bundled.ts (it builds murmur-node)');
  return bundle;
}

export function startHomeProcess(bundle: string, dataDir: string, trackerUrl: string): HomeProcess {
  const child = spawn(
    process.execPath,
    [...HOME_NODE_FLAGS, bundle, '--data', dataDir, '--tracker', trackerUrl],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const state: HomeProcessState = { linked: 0, carrying: -1 };
  const waiters = new Set<() => void>();
  let markConnected: () => void = () => undefined;
  const connected = new Promise<void>((resolve) => (markConnected = resolve));
  createInterface({ input: child.stdout }).on('line', (text) => {
    const line = JSON.parse(text) as LogLine;
    if (line.event === 'friends-linked') state.linked = line.count ?? 0;
    if (line.event === 'carrying') state.carrying = line.count ?? 0;
    if (line.event === 'tracker' && line.state === 'connected') markConnected();
    for (const wake of [...waiters]) wake();
  });
  return {
    pid: child.pid ?? 0,
    connected: Promise.race([
      connected,
      exited.then(() => Promise.reject(new Error('the home exited before it connected'))),
    ]),
    until(check, what, waitMs) {
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(new Error(`home: ${what} not in ${waitMs} ms (${JSON.stringify(state)})`));
        }, waitMs);
        const wake = () => {
          if (!check(state)) return;
          clearTimeout(timer);
          waiters.delete(wake);
          resolve();
        };
        waiters.add(wake);
        wake();
      });
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
