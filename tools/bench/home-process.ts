/**
 * The home as users run it: the bundled `murmur-node` in a process of its own, watched through
 * its JSON log lines. A benchmark that ran the home inside its own process would charge the
 * home's work to the browser it measures (and the other way round).
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { HOME_NODE_FLAGS } from '../../home/node-flags';

export interface HomeProcess {
  pid: number;
  /** Resolves once the home is registered with its tracker. */
  connected: Promise<void>;
  /** Resolves once `count` friends have a data channel to the home. */
  linked(count: number, waitMs: number): Promise<void>;
  /** SIGTERM, and the process's exit. */
  stop(): Promise<void>;
}

type LogLine = { event: string; count?: number; state?: string };

export function startHomeProcess(dataDir: string, trackerUrl: string): HomeProcess {
  const bundle = process.env.MURMUR_HOME_BUNDLE;
  if (!bundle) throw new Error('run me through tools/bench/bundled.ts (it builds murmur-node)');
  const child = spawn(
    process.execPath,
    [...HOME_NODE_FLAGS, bundle, '--data', dataDir, '--tracker', trackerUrl],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let linkedNow = 0;
  let wake: () => void = () => undefined;
  let markConnected: () => void = () => undefined;
  const connected = new Promise<void>((resolve) => (markConnected = resolve));
  createInterface({ input: child.stdout }).on('line', (text) => {
    const line = JSON.parse(text) as LogLine;
    if (line.event === 'friends-linked') linkedNow = line.count ?? 0;
    if (line.event === 'tracker' && line.state === 'connected') markConnected();
    wake();
  });
  return {
    pid: child.pid ?? 0,
    connected: Promise.race([
      connected,
      exited.then(() => Promise.reject(new Error('the home exited before it connected'))),
    ]),
    async linked(count, waitMs) {
      const deadline = Date.now() + waitMs;
      while (linkedNow < count) {
        if (Date.now() > deadline) throw new Error(`only ${linkedNow} of ${count} linked`);
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 1_000);
        });
      }
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
