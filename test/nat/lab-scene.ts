/** A NAT lab for one suite (lab-world.ts), taken down after it, also when a test fails. */
import { afterAll } from 'vitest';
import type { RouterKind } from '../../tools/lab/nat-lab';
import { startLabWorld, type LabWorld, type LabWorldOptions } from './lab-world';

export function labScene(homes: { name: string; kind: RouterKind }[]) {
  let world: LabWorld | undefined;
  afterAll(async () => {
    await world?.close();
  });
  return {
    async start(options: LabWorldOptions): Promise<LabWorld> {
      world = await startLabWorld(homes, options);
      return world;
    },
  };
}
