/**
 * deploy/ as an operator uses it: coturn started from deploy/turnserver.conf and the tracker
 * from deploy/tracker.env.example (host names and addresses swapped for loopback) share the
 * secret, so coturn accepts the credentials the tracker hands out.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTrackerConfig } from '../../../signaling-server/config';
import { startTracker, type RunningTracker } from '../../../signaling-server/tracker';
import {
  allocate,
  bindingAddress,
  permissionsFor,
  serverOf,
  tcpAllocation,
} from '../../../tools/doctor/stun-client';
import { runChecks, type CheckLine } from '../../../tools/doctor/checks';
import { FORBIDDEN_PEERS } from '../../../tools/doctor/relay-abuse';
import { connectClient } from '../signaling-server/client';
import { isIceAnswer } from '../../../src/core/tracker/frames';

const TURN_PORT = 34_782;

const envFile = (text: string) =>
  Object.fromEntries(
    text
      .split('\n')
      .filter((l) => /^[A-Z_]+=/.test(l))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );

describe('deploy/: coturn and the tracker from the shipped configuration', () => {
  let dir = '';
  let tracker: RunningTracker;
  let stopCoturn = async () => undefined as void;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'murmur-deploy-'));
    const secret = 'deploy-test-secret';
    await writeFile(join(dir, 'turn-secret'), `${secret}\n`);
    const conf = (await readFile('deploy/turnserver.conf', 'utf8'))
      .replace(/^(cert|pkey|syslog)\b.*$/gm, '')
      .replace(/^tls-listening-port=.*$/m, 'no-tls')
      .replace(/^listening-port=.*$/m, `listening-port=${TURN_PORT}\nno-dtls`)
      .replaceAll('PUBLIC_IP', '127.0.0.1')
      .replace(/^static-auth-secret=.*$/m, `static-auth-secret=${secret}`)
      .concat(
        `\npidfile=${join(dir, 'turn.pid')}\nuserdb=${join(dir, 'turndb')}\nlog-file=${join(dir, 'turn.log')}\n`,
      );
    await writeFile(join(dir, 'turnserver.conf'), conf);
    const coturn = spawn('turnserver', ['-c', join(dir, 'turnserver.conf')], { stdio: 'ignore' });
    const exited = new Promise((resolve) => coturn.once('exit', resolve));
    stopCoturn = async () => {
      coturn.kill('SIGTERM');
      await exited;
    };
    const server = { host: '127.0.0.1', port: TURN_PORT, transport: 'udp' as const };
    for (let i = 0; i < 40 && coturn.exitCode === null; i++)
      if ((await bindingAddress(server, { timeoutMs: 400 })).ok) break;

    const env = envFile(await readFile('deploy/tracker.env.example', 'utf8'));
    const local = Object.fromEntries(
      Object.entries(env)
        .filter(([k]) => !k.startsWith('MURMUR_TRACKER_TLS'))
        .map(([k, v]) => [k, v.replaceAll('tracker.example.org:3478', `127.0.0.1:${TURN_PORT}`)]),
    );
    local.MURMUR_TRACKER_HOST = '127.0.0.1';
    local.MURMUR_TRACKER_PORT = '0';
    local.MURMUR_TRACKER_PUBLIC_HOST = '';
    local.MURMUR_TRACKER_ICE_URLS = local
      .MURMUR_TRACKER_ICE_URLS!.split(',')
      .filter((u) => !u.startsWith('turns:'))
      .join(',');
    local.MURMUR_TURN_SECRET_FILE = join(dir, 'turn-secret');
    tracker = await startTracker(parseTrackerConfig([], local));
  });
  afterAll(async () => {
    await tracker?.stop();
    await stopCoturn();
    await rm(dir, { recursive: true, force: true });
  });

  it('coturn accepts the credentials the tracker hands out, over UDP and TCP', async () => {
    const client = await connectClient(tracker.port);
    client.socket.send(JSON.stringify({ type: 'MURMUR-ICE', payload: { ask: 1 } }));
    const answer = isIceAnswer(await client.next('MURMUR-ICE'));
    if (!answer.ok || !('iceServers' in answer.value.payload)) throw new Error('no ICE servers');
    const turn = answer.value.payload.iceServers.find((s) => s.username)!;
    expect(turn.urls).toEqual([
      `turn:127.0.0.1:${TURN_PORT}`,
      `turn:127.0.0.1:${TURN_PORT}?transport=tcp`,
    ]);
    for (const url of turn.urls)
      expect(await allocate(serverOf(url)!, turn.username!, turn.credential!)).toMatchObject({
        ok: true,
      });
    expect(await allocate(serverOf(turn.urls[0]!)!, turn.username!, 'forged')).toMatchObject({
      ok: false,
    });
    client.socket.close();
  });

  it('is no open relay: a credential gets no TCP relay, nor a relay to the server or private ranges', async () => {
    const client = await connectClient(tracker.port);
    client.socket.send(JSON.stringify({ type: 'MURMUR-ICE', payload: { ask: 1 } }));
    const answer = isIceAnswer(await client.next('MURMUR-ICE'));
    client.socket.close();
    if (!answer.ok || !('iceServers' in answer.value.payload)) throw new Error('no ICE servers');
    const turn = answer.value.payload.iceServers.find((s) => s.username)!;
    const server = serverOf(turn.urls[1]!)!; // over TCP, where RFC 6062 would be asked
    const tcp = await tcpAllocation(server, turn.username!, turn.credential!);
    expect(tcp).toMatchObject({ ok: false, reason: expect.stringMatching(/^4\d\d /) });
    expect(tcp.ok || tcp.reason.startsWith('401')).toBe(false);
    // The server's own address is loopback here: the shipped config denies both.
    const asked = await permissionsFor(server, turn.username!, turn.credential!, FORBIDDEN_PEERS);
    if (!asked.ok) throw new Error(asked.reason);
    for (const peer of FORBIDDEN_PEERS) expect(asked.value.get(peer), peer).toMatch(/^403 /);
    // And the doctor says so, one line each.
    const lines: CheckLine[] = [];
    await runChecks(`ws://127.0.0.1:${tracker.port}/murmur`, {}, (l) => lines.push(l));
    const abuse = lines.filter((l) => /relay/i.test(l.text) && !/allocation/.test(l.text));
    expect(abuse.map((l) => l.text)).toEqual([
      expect.stringMatching(/TCP relaying refused \(4\d\d /),
      expect.stringMatching(/relaying to the server's own address refused/),
      expect.stringMatching(/relaying to loopback, private and link-local addresses refused/),
    ]);
    expect(abuse.every((l) => l.mark === '✔')).toBe(true);
  });
});
