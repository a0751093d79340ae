/**
 * A store that dies: the k-th write throws, and so does every call after it, as if the
 * process was killed right there (the Chromium service worker is killed like this). What was
 * written before stays in the inner store, which a restarted node reopens.
 */
import { appendFileSync } from 'node:fs';
import type { NodeStore } from '../../../src/core/state/store-port';

export class Crash extends Error {
  override readonly name = 'Crash';
}

const WRITES = /^(put|delete)/;

export function crashingStore(
  inner: NodeStore,
  crashAtWrite: number,
): { store: NodeStore; writes: () => number; dead: () => boolean } {
  let writes = 0;
  let dead = false;
  const dying = (inner: NodeStore): NodeStore =>
    new Proxy(inner, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof value !== 'function') return value;
        // The group's own handle dies with the store, at the same count of writes.
        if (prop === 'writeTogether')
          return async <T>(work: (store: NodeStore) => Promise<T>) => {
            if (dead) throw new Crash('dead');
            return target.writeTogether((group) => work(dying(group)));
          };
        return async (...args: unknown[]) => {
          if (dead) throw new Crash('dead');
          if (WRITES.test(String(prop)) && process.env.TRACE_WRITES)
            appendFileSync(
              process.env.TRACE_WRITES,
              `${crashAtWrite} write ${writes + 1} ${String(prop)}\n`,
            );
          if (WRITES.test(String(prop)) && ++writes === crashAtWrite) {
            dead = true;
            throw new Crash(`killed at write ${writes} (${String(prop)})`);
          }
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  const store = dying(inner);
  return { store, writes: () => writes, dead: () => dead };
}
