/**
 * The tracker hands registered peers STUN/TURN servers with TURN REST credentials, and a real
 * coturn (Debian's) bound to the same secret accepts them — and refuses forged or expired ones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localConfig } from '../../../signaling-server/config';
import {
  startTracker,
  type RunningTracker,
  type TrackerEvent,
} from '../../../signaling-server/tracker';
import { isIceAnswer } from '../../../src/core/tracker/frames';
import { turnCredential } from '../../../src/core/tracker/turn-credentials';
import { allocate, serverOf } from '../../../tools/doctor/stun-client';
import { startCoturn, type Coturn } from '../../../tools/lab/coturn';
import { connectClient, type TestClient } from './client';

const SECRET = 'lab-secret-0f3a9c';
const TURN_PORT = 34_781;

async function askIce(client: TestClient, ask: number) {
  client.socket.send(JSON.stringify({ type: 'MURMUR-ICE', payload: { ask } }));
  const checked = isIceAnswer(await client.next('MURMUR-ICE'));
  if (!checked.ok) throw new Error(checked.reason);
  return checked.value.payload;
}

describe('ICE servers from the tracker, checked by coturn', () => {
  let coturn: Coturn;
  let tracker: RunningTracker;
  const events: TrackerEvent[] = [];
  beforeAll(async () => {
    coturn = await startCoturn({ ip: '127.0.0.1', port: TURN_PORT, secret: SECRET });
    tracker = await startTracker(
      localConfig(
        { connectsPerMinute: 600 },
        {
          urls: [`stun:127.0.0.1:${TURN_PORT}`, `turn:127.0.0.1:${TURN_PORT}`],
          turnSecret: SECRET,
          ttlSeconds: 600,
        },
      ),
      (e) => events.push(e),
    );
  });
  afterAll(async () => {
    await tracker.stop();
    await coturn.stop();
  });

  it('a registered peer gets credentials that coturn accepts for an allocation', async () => {
    const alice = await connectClient(tracker.port);
    const answer = await askIce(alice, 1);
    if (!('iceServers' in answer)) throw new Error('refused');
    expect(answer.ttl).toBe(600);
    const turn = answer.iceServers.find((s) => s.urls.some((u) => u.startsWith('turn:')));
    expect(turn?.username).toMatch(new RegExp(`^\\d+:${alice.id}$`));
    const expiry = Number(turn?.username?.split(':')[0]);
    expect(expiry - Date.now() / 1000).toBeGreaterThan(590);
    const server = serverOf(turn!.urls[0]!)!;
    const allocated = await allocate(server, turn!.username!, turn!.credential!);
    expect(allocated).toMatchObject({ ok: true });
    alice.socket.close();
  });

  it('coturn refuses forged and expired credentials', async () => {
    const server = { host: '127.0.0.1', port: TURN_PORT, transport: 'udp' as const };
    const inAnHour = Date.now() / 1000 + 3600;
    const forged = turnCredential('guessed-secret', 'mffffffffffffffffffffffffffffffff', inAnHour);
    const expired = turnCredential(
      SECRET,
      'mffffffffffffffffffffffffffffffff',
      Date.now() / 1000 - 5,
    );
    expect(await allocate(server, forged.username, forged.credential)).toEqual({
      ok: false,
      reason: '401 Unauthorized',
    });
    expect(await allocate(server, expired.username, expired.credential)).toEqual({
      ok: false,
      reason: '401 Unauthorized',
    });
  });

  it('a peer asking in a loop is rate-limited but keeps its registration', async () => {
    const bob = await connectClient(tracker.port);
    const answers = [];
    for (let ask = 1; ask <= 8; ask++) answers.push(await askIce(bob, ask));
    const granted = answers.filter((a) => 'iceServers' in a).length;
    expect(granted).toBe(4);
    expect(answers.at(-1)).toEqual({ ask: 8, refused: 'rate-limited', retryAfter: 300 });
    // Still registered: presence still answers.
    expect([...tracker.onlinePeers()]).toContain(bob.id);
    bob.socket.close();
  });

  it('/health says TURN is there, and neither it nor the log holds a credential', async () => {
    const carol = await connectClient(tracker.port);
    const answer = await askIce(carol, 1);
    if (!('iceServers' in answer)) throw new Error('refused');
    const credential = answer.iceServers.find((s) => s.credential)!.credential!;
    const health = await (await fetch(`http://127.0.0.1:${tracker.port}/health`)).text();
    expect(JSON.parse(health)).toMatchObject({ stun: true, turn: true });
    for (const text of [health, JSON.stringify(events)]) {
      expect(text).not.toContain(credential);
      expect(text).not.toContain(SECRET);
    }
    carol.socket.close();
  });
});

describe('a tracker without TURN', () => {
  it('answers an empty list and says so in /health', async () => {
    const tracker = await startTracker(localConfig());
    try {
      const dan = await connectClient(tracker.port);
      expect(await askIce(dan, 7)).toEqual({ ask: 7, iceServers: [], ttl: 3600 });
      const health = await (await fetch(`http://127.0.0.1:${tracker.port}/health`)).json();
      expect(health).toMatchObject({ stun: false, turn: false });
      dan.socket.close();
    } finally {
      await tracker.stop();
    }
  });
});
