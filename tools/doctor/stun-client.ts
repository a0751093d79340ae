/**
 * Asking a STUN/TURN server, over UDP, TCP or TLS, what a browser's ICE agent would ask:
 * "what address do you see?" (Binding) and "relay for me" (Allocate with the handed-out
 * credentials, released at once) — and what an abuser of the relay would ask: a TCP relay
 * (RFC 6062), and permission to relay to the server's own or private addresses. One socket per conversation (a TURN server ties its nonce
 * and the allocation to it); every request has a deadline.
 */
import { createSocket } from 'node:dgram';
import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import {
  Attr,
  decode,
  encode,
  errorOf,
  longTermKey,
  Method,
  newTransaction,
  u32,
  xorAddress,
  xorPeerAddress,
  type StunMessage,
} from './stun-message';
import { at } from '../at';

export interface StunServer {
  host: string;
  port: number;
  transport: 'udp' | 'tcp' | 'tls';
}

export type StunOutcome<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Parses stun:/turn:/turns: URLs (RFC 7064/7065) into where to send. */
export function serverOf(url: string): StunServer | null {
  const m = /^(stuns?|turns?):([^?:[\]]+|\[[^\]]+\])(?::(\d+))?(?:\?transport=(udp|tcp))?$/.exec(
    url,
  );
  if (!m) return null;
  const secure = m[1] === 'turns' || m[1] === 'stuns';
  const host = at(m, 2).replace(/^\[|\]$/g, '');
  const port = m[3] ? Number(m[3]) : secure ? 5349 : 3478;
  const transport = secure ? 'tls' : m[4] === 'tcp' ? 'tcp' : 'udp';
  return { host, port, transport };
}

export interface ChannelOptions {
  timeoutMs?: number;
  /** For turns: in a lab with its own certificate authority. */
  ca?: string;
}

interface Channel {
  request(message: Buffer): Promise<StunMessage>;
  close(): void;
}

type Waiter = { transaction: Buffer; resolve: (m: StunMessage) => void };

function openChannel(server: StunServer, options: ChannelOptions): Channel {
  const timeoutMs = options.timeoutMs ?? 5000;
  const waiters: Waiter[] = [];
  let failure: Error | null = null;
  const deliver = (message: StunMessage) => {
    const i = waiters.findIndex((w) => w.transaction.equals(message.transaction));
    if (i >= 0) waiters.splice(i, 1)[0]?.resolve(message);
  };
  let write: (data: Buffer) => void;
  let close: () => void;
  if (server.transport === 'udp') {
    const socket = createSocket(server.host.includes(':') ? 'udp6' : 'udp4');
    socket.on('message', (data) => {
      const message = decode(data);
      if (message) deliver(message);
    });
    socket.on('error', (error) => (failure = error));
    write = (data) => socket.send(data, server.port, server.host);
    close = () => socket.close();
  } else {
    const socket: Socket =
      server.transport === 'tls'
        ? connectTls({
            host: server.host,
            port: server.port,
            servername: server.host,
            ca: options.ca,
          })
        : connectTcp({ host: server.host, port: server.port });
    let buffered = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      buffered = Buffer.concat([buffered, Buffer.from(chunk)]);
      // Over a stream, STUN messages follow each other; each says its own length.
      while (buffered.length >= 20) {
        const length = 20 + buffered.readUInt16BE(2);
        if (buffered.length < length) break;
        const message = decode(buffered.subarray(0, length));
        buffered = buffered.subarray(length);
        if (message) deliver(message);
      }
    });
    socket.on('error', (error) => (failure = error));
    write = (data) => socket.write(data);
    close = () => socket.destroy();
  }
  return {
    close,
    request: (message) =>
      new Promise((resolve, reject) => {
        const transaction = message.subarray(8, 20);
        let wait = 250;
        let resend: ReturnType<typeof setTimeout> | undefined;
        const send = () => {
          if (failure) return finish(failure);
          write(message);
          // UDP may lose it: send again with doubling waits (RFC 5389 §7.2.1); a stream needs once.
          if (server.transport === 'udp') resend = setTimeout(send, (wait *= 2));
        };
        const deadline = setTimeout(
          () =>
            finish(
              failure ??
                new Error(`no answer in ${timeoutMs} ms over ${server.transport.toUpperCase()}`),
            ),
          timeoutMs,
        );
        const finish = (result: StunMessage | Error) => {
          clearTimeout(deadline);
          clearTimeout(resend);
          const i = waiters.indexOf(waiter);
          if (i >= 0) waiters.splice(i, 1);
          if (result instanceof Error) reject(result);
          else resolve(result);
        };
        const waiter: Waiter = { transaction, resolve: (m) => finish(m) };
        waiters.push(waiter);
        send();
      }),
  };
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function withChannel<T>(
  server: StunServer,
  options: ChannelOptions,
  talk: (channel: Channel) => Promise<StunOutcome<T>>,
): Promise<StunOutcome<T>> {
  const channel = openChannel(server, options);
  try {
    return await talk(channel);
  } catch (error) {
    return { ok: false, reason: describe(error) };
  } finally {
    channel.close();
  }
}

/** The address the server sees us at (server-reflexive). */
export function bindingAddress(
  server: StunServer,
  options: ChannelOptions = {},
): Promise<StunOutcome<string>> {
  return withChannel(server, options, async (channel) => {
    const answer = await channel.request(encode(Method.Binding, newTransaction(), []));
    const address =
      xorAddress(answer.attrs.get(Attr.XorMappedAddress)) ??
      xorAddress(answer.attrs.get(Attr.MappedAddress));
    return address ? { ok: true, value: address } : { ok: false, reason: 'no mapped address' };
  });
}

const errorText = (message: StunMessage) => {
  const error = errorOf(message);
  return error ? `${error.code} ${error.reason.replace(/\0+$/, '')}` : 'refused';
};

type Attrs = [number, Buffer][];
interface Allocation {
  answer: StunMessage;
  auth: Attrs;
  key: Buffer;
}

const UDP: [number, Buffer] = [Attr.RequestedTransport, u32(17 << 24)];
const TCP: [number, Buffer] = [Attr.RequestedTransport, u32(6 << 24)];

/** Allocate, answering the server's 401 with the long-term credentials. */
async function allocateOn(
  channel: Channel,
  transport: [number, Buffer],
  username: string,
  password: string,
): Promise<StunOutcome<Allocation>> {
  const first = await channel.request(encode(Method.Allocate, newTransaction(), [transport]));
  const realm = first.attrs.get(Attr.Realm);
  const nonce = first.attrs.get(Attr.Nonce);
  if (first.cls !== 'error' || errorOf(first)?.code !== 401 || !realm || !nonce)
    return { ok: false, reason: 'the server did not ask for credentials' };
  const key = longTermKey(username, realm.toString('utf8'), password);
  const auth: Attrs = [
    [Attr.Username, Buffer.from(username)],
    [Attr.Realm, realm],
    [Attr.Nonce, nonce],
  ];
  const answer = await channel.request(
    encode(Method.Allocate, newTransaction(), [transport, ...auth], key),
  );
  return { ok: true, value: { answer, auth, key } };
}

/** Release it (lifetime 0); best effort, it would expire anyway. */
async function release(channel: Channel, { auth, key }: Allocation): Promise<void> {
  await channel
    .request(encode(Method.Refresh, newTransaction(), [[Attr.Lifetime, u32(0)], ...auth], key))
    .catch(() => undefined); // the allocation expires by itself; the caller's answer stands
}

/**
 * A TURN allocation with these credentials, released at once. Succeeds with the relayed
 * address; fails with the server's error (e.g. "401 Unauthorized" for forged or expired ones).
 */
export function allocate(
  server: StunServer,
  username: string,
  password: string,
  options: ChannelOptions = {},
): Promise<StunOutcome<string>> {
  return withChannel(server, options, async (channel) => {
    const allocation = await allocateOn(channel, UDP, username, password);
    if (!allocation.ok) return allocation;
    const { answer } = allocation.value;
    if (answer.cls !== 'success') return { ok: false, reason: errorText(answer) };
    const relayed = xorAddress(answer.attrs.get(Attr.XorRelayedAddress));
    await release(channel, allocation.value);
    return relayed ? { ok: true, value: relayed } : { ok: false, reason: 'no relayed address' };
  });
}

/**
 * Asks for a TCP relay (RFC 6062) over a TCP or TLS connection to the server, as an abuser
 * would to reach any host's TCP ports through it. Succeeds (badly) when it was granted.
 */
export function tcpAllocation(
  server: StunServer,
  username: string,
  password: string,
  options: ChannelOptions = {},
): Promise<StunOutcome<string>> {
  const stream: StunServer = { ...server, transport: server.transport === 'tls' ? 'tls' : 'tcp' };
  return withChannel(stream, options, async (channel) => {
    const allocation = await allocateOn(channel, TCP, username, password);
    if (!allocation.ok) return allocation;
    const { answer } = allocation.value;
    if (answer.cls !== 'success') return { ok: false, reason: errorText(answer) };
    await release(channel, allocation.value);
    return { ok: true, value: xorAddress(answer.attrs.get(Attr.XorRelayedAddress)) ?? '?' };
  });
}

/** What the server answered a CreatePermission for each peer: null when it was granted. */
export type PermissionAnswers = Map<string, string | null>;

/** One UDP allocation, a permission asked for each IPv4 peer, then released. */
export function permissionsFor(
  server: StunServer,
  username: string,
  password: string,
  peers: readonly string[],
  options: ChannelOptions = {},
): Promise<StunOutcome<PermissionAnswers>> {
  return withChannel(server, options, async (channel) => {
    const allocation = await allocateOn(channel, UDP, username, password);
    if (!allocation.ok) return allocation;
    const { answer, auth, key } = allocation.value;
    if (answer.cls !== 'success') return { ok: false, reason: errorText(answer) };
    const answers: PermissionAnswers = new Map();
    for (const peer of peers) {
      const permission = await channel.request(
        encode(
          Method.CreatePermission,
          newTransaction(),
          [[Attr.XorPeerAddress, xorPeerAddress(peer)], ...auth],
          key,
        ),
      );
      answers.set(peer, permission.cls === 'success' ? null : errorText(permission));
    }
    await release(channel, allocation.value);
    return { ok: true, value: answers };
  });
}
