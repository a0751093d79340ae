/**
 * The Murmur home as a host of the app: what the extension's background does for a browser,
 * done for a process with no window. It runs Murmur (src/app, through its one front door) over
 * the home's SQLite file, and the same network host the browsers run (src/transport), in
 * process, over node-datachannel. It decides nothing itself.
 */
import type { RelayPolicy } from '../src/core/state/records';
import { fromBase64Url, toBase64Url } from '../src/core/bytes';
import { signingKeyFromSeed } from '../src/core/crypto/ed25519';
import { peerIdOf } from '../src/core/tracker/peer-id';
import { NO_ATTENTION } from '../src/app/app-ports';
import { Murmur } from '../src/app/murmur';
import { readOrCreateTrackerKey } from '../src/app/tracker-key';
import type { LinkEvents } from '../src/messaging/link-events';
import type { UpdateTopic } from '../src/messaging/page-updates';
import type { Handlers } from '../src/messaging/request-map';
import type { NetworkSettings } from '../src/messaging/settings';
import type { HostStatus } from '../src/messaging/status';
import { inProcessHost } from '../src/transport/in-process-host';
import { LinkRouter, linkEventHandlers } from '../src/transport/link-router';
import type { HomeDatabase } from './sqlite-database';
import { sqliteSettings } from './sqlite-settings';
import { SqliteStore } from './sqlite-store';
import type { HomeLog } from './home-log';
import { watchTrackers } from './tracker-watch';
import { watchCarrying } from './carrying-watch';
import { offerPairing, type PairingFile } from './pairing-file';

export interface HomeOptions {
  db: HomeDatabase;
  /** The trackers the home registers with (its own card names the first). */
  trackers: string[];
  /** The name the home's own identity is created with, on its first start. */
  name: string;
  log: HomeLog;
  /** Told what pages would be told changed (tests wait on it; a home has no pages). */
  changed?: (...topics: UpdateTopic[]) => void;
  /**
   * 'home' (the default): serves the owner who pairs with it. 'person': a person's Murmur in
   * Node, standing in for a browser in tests and benchmarks.
   */
  role?: 'home' | 'person';
  /** Where an unpaired home keeps its current pairing link for its owner to read (0600). */
  pairingLinkFile?: string;
  /** The home's relay policy (its command line's); kept as it is when absent. */
  relayPolicy?: RelayPolicy;
}

export interface RunningHome {
  murmur: Murmur;
  status(): HostStatus;
  /** How many sealed copies it carries now. */
  carrying(): Promise<number>;
  stop(): Promise<void>;
}

export async function startHome(options: HomeOptions): Promise<RunningHome> {
  const { db, log } = options;
  const store = new SqliteStore(db);
  const settings = sqliteSettings(db);
  const network: NetworkSettings = { trackers: options.trackers, iceServers: [] };
  const trackerKey = await readOrCreateTrackerKey(settings);
  const seed = fromBase64Url(trackerKey);
  if (!seed) throw new TypeError('the stored tracker key is not base64url');
  const peerId = peerIdOf(signingKeyFromSeed(seed).publicKey);
  // Sessions on channels from an earlier run of this process died with it.
  const epoch = toBase64Url(crypto.getRandomValues(new Uint8Array(9)));

  let linkHandlers: Handlers<LinkEvents, unknown> | null = null;
  const host = inProcessHost('home', () => linkHandlers);
  const configure = async () => {
    const { friends, inviteSecrets } = await murmur.networkConfig();
    await host.client.request('host.configure', {
      trackerKey,
      network,
      friends,
      inviteSecrets,
      epoch,
    });
  };
  const role = options.role ?? 'home';
  let pairing: PairingFile | null = null;
  const carrying = watchCarrying(db, log);
  const murmur: Murmur = new Murmur({
    store,
    settings,
    address: async () => ({ peerId, tracker: network.trackers[0] ?? '' }),
    // The home's key is never protected by a passphrase: nobody is there to type one.
    unlockedKeys: { get: async () => null, set: async () => undefined },
    network: { configure, reach: async () => host.network.status().reach },
    attention: NO_ATTENTION,
    askToShare: async () => undefined,
    changed: (...topics) => {
      options.changed?.(...topics);
      if (topics.includes('relay')) carrying.changed();
      // Paired now? A check that fails (the home is stopping) is simply made again at the
      // next change, or never once stopped.
      if (topics.includes('friends')) void pairing?.check().catch(() => undefined);
    },
    ...(role === 'home' ? { role } : {}),
  });
  const links = new LinkRouter(host.client, (channel, initiator) =>
    murmur.attach(channel, initiator),
  );
  const trackers = watchTrackers(() => host.network.status(), log);
  linkHandlers = linkEventHandlers(links, trackers.check);

  const kept = await murmur.start();
  if (!kept) await murmur.ask('identity.create', { displayName: options.name });
  // Through the front door, as Options sets a browser's: a smaller quota takes effect at once.
  if (options.relayPolicy) await murmur.ask('relay.set', options.relayPolicy);
  log({ event: 'started', identity: kept ? 'kept' : 'created' });
  carrying.changed(); // what it still carries from its last run
  await configure();
  trackers.check();
  if (role === 'home' && options.pairingLinkFile)
    pairing = await offerPairing(murmur, options.pairingLinkFile, log);
  return {
    murmur,
    status: () => host.network.status(),
    carrying: async () => carrying.count(),
    async stop() {
      pairing?.stop();
      carrying.stop();
      trackers.stop();
      links.closeAll();
      host.network.stop();
      await murmur.stop();
      // Sessions still finishing a step now meet StoreClosedError, an expected end.
      store.close();
    },
  };
}
