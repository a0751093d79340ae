/**
 * A NAT lab with everything in it: the lab's namespaces, coturn and the tracker in its
 * "internet" (handing out STUN/TURN with credentials, as deploy/ sets them up), and people
 * whose browsers run in homes behind routers. `close()` takes it all down. The tests wrap it
 * in a suite (lab-scene.ts); bench:nat uses it as it is.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_PATH } from '../../tools/browsers/chromium';
import type { BrowserKind } from '../../tools/browsers/extension-page';
import { FIREFOX_PATH } from '../../tools/browsers/firefox';
import { startCoturn, type Coturn } from '../../tools/lab/coturn';
import { createNatLab, type NatLab, type RouterKind } from '../../tools/lab/nat-lab';
import { netnsFirefoxLauncher, netnsLauncher } from '../../tools/lab/netns-launcher';
import { Person } from '../e2e/harness/person';
import { startTrackerProcess, type TrackerProcess } from '../e2e/harness/tracker-process';

export const TURN_PORT = 3478;
const SECRET = 'nat-lab-secret';

export interface LabWorldOptions {
  /** The tracker hands out TURN (false: STUN only; coturn still answers STUN). */
  turn: boolean;
}

export interface LabWorld {
  lab: NatLab;
  tracker: TrackerProcess;
  /** A file holding coturn's secret, as an operator keeps it for the doctor. */
  secretFile: string;
  person(name: string, kind: BrowserKind, home: string): Person;
  /** coturn goes down (STUN and TURN); the tracker stays. */
  stopCoturn(): Promise<void>;
  close(): Promise<void>;
}

export async function startLabWorld(
  homes: { name: string; kind: RouterKind }[],
  options: LabWorldOptions,
): Promise<LabWorld> {
  const people: Person[] = [];
  const scratch = await mkdtemp(join(tmpdir(), 'murmur-nat-'));
  let lab: NatLab | undefined;
  let coturn: Coturn | undefined;
  let tracker: TrackerProcess | undefined;
  const close = async () => {
    await Promise.allSettled(people.map((p) => p.dispose()));
    await tracker?.stop();
    await coturn?.stop();
    coturn = undefined;
    lab?.destroy();
    await rm(scratch, { recursive: true, force: true });
  };
  try {
    const built = createNatLab(homes);
    lab = built;
    const server = built.serverIp;
    coturn = await startCoturn({
      ip: server,
      port: TURN_PORT,
      secret: SECRET,
      netns: built.internet,
    });
    const urls = [`stun:${server}:${TURN_PORT}`];
    if (options.turn)
      urls.push(`turn:${server}:${TURN_PORT}`, `turn:${server}:${TURN_PORT}?transport=tcp`);
    const running = await startTrackerProcess(9000, {
      netns: built.internet,
      host: server,
      args: ['--ice-url', urls.join(',')],
      env: options.turn ? { MURMUR_TURN_SECRET: SECRET } : {},
    });
    tracker = running;
    const secretFile = join(scratch, 'turn-secret');
    await writeFile(secretFile, `${SECRET}\n`, { mode: 0o600 });
    return {
      lab: built,
      tracker: running,
      secretFile,
      close,
      stopCoturn: async () => {
        await coturn?.stop();
        coturn = undefined;
      },
      person(name, kind, homeName) {
        const home = built.homes.get(homeName);
        if (!home) throw new Error(`no home ${homeName} in the lab`);
        const launcher =
          kind === 'chromium'
            ? netnsLauncher(scratch, home.netns, CHROMIUM_PATH)
            : netnsFirefoxLauncher(scratch, home.netns, FIREFOX_PATH);
        // Firefox: real addresses in candidates, so the tests can read them.
        const prefs = { 'media.peerconnection.ice.obfuscate_host_addresses': false };
        const person = new Person(name, kind, prefs, launcher);
        people.push(person);
        return person;
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}
