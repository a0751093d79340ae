/** `npm run tracker -- --tls-cert FILE --tls-key FILE` serves https and wss. */
import { mkdtemp, rm } from 'node:fs/promises';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTrackerConfig } from '../../../signaling-server/config';
import { startTracker, type RunningTracker } from '../../../signaling-server/tracker';
import { fromBase64Url } from '../../../src/core/bytes';
import { generateSigningKey } from '../../../src/core/crypto/ed25519';
import { peerIdOf } from '../../../src/core/tracker/peer-id';
import { makeProofToken } from '../../../src/core/tracker/proof';
import { makeCertificate, type LabCertificate } from '../../../tools/lab/certificate';

const getJson = (url: string, ca: string) =>
  new Promise<unknown>((resolve, reject) => {
    get(url, { ca, headers: { 'Murmur-Client': '1' } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += String(chunk)));
      res.on('end', () => resolve(JSON.parse(body)));
    }).on('error', reject);
  });

describe('a tracker with TLS', () => {
  let dir = '';
  let cert: LabCertificate;
  let tracker: RunningTracker;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'murmur-tls-'));
    cert = makeCertificate(dir, ['127.0.0.1']);
    const config = parseTrackerConfig(
      ['--port', '0', '--tls-cert', cert.certFile, '--tls-key', cert.keyFile],
      {},
    );
    tracker = await startTracker(config);
  });
  afterAll(async () => {
    await tracker.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves /health over https and registers a peer over wss', async () => {
    const base = `https://127.0.0.1:${tracker.port}`;
    expect(await getJson(`${base}/health`, cert.ca)).toMatchObject({ ok: true });
    const { challenge } = (await getJson(`${base}/murmur/challenge`, cert.ca)) as {
      challenge: string;
    };
    const key = generateSigningKey();
    const id = peerIdOf(key.publicKey);
    const host = `127.0.0.1:${tracker.port}`;
    const token = await makeProofToken(key, host, fromBase64Url(challenge)!);
    const socket = new WebSocket(
      `wss://${host}/murmur/peerjs?key=peerjs&id=${id}&token=${encodeURIComponent(token)}`,
      { ca: cert.ca },
    );
    const first = await new Promise<string>((resolve, reject) => {
      socket.once('message', (data: Buffer) => resolve(String(data)));
      socket.once('error', reject);
    });
    expect(JSON.parse(first)).toMatchObject({ type: 'OPEN' });
    socket.close();
  });

  it('refuses a client that does not trust its certificate', async () => {
    const failed = await new Promise<string>((resolve) =>
      get(`https://127.0.0.1:${tracker.port}/health`, () => resolve('accepted')).on(
        'error',
        (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'),
      ),
    );
    expect(failed).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  });

  it('needs both the certificate and the key', () => {
    expect(() => parseTrackerConfig(['--tls-cert', cert.certFile], {})).toThrow(/both/);
  });
});
