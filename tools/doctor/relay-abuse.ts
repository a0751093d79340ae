/**
 * What an abuser with a handed-out credential would try on the operator's TURN server, and
 * must be refused: a TCP relay (RFC 6062: any host's TCP ports through this machine), and
 * relaying to the server's own address or into private and loopback networks (the
 * operator's own services, a cloud's metadata address). Asked once per TURN server.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { permissionsFor, tcpAllocation, type StunServer } from './stun-client';

type Line = (mark: '✔' | '✗' | '–', text: string) => void;

/** One address in each range a relay must never reach (coturn's denied-peer-ip). */
export const FORBIDDEN_PEERS = [
  '127.0.0.1',
  '10.0.0.1',
  '172.16.0.1',
  '192.168.0.1',
  '100.64.0.1',
  '169.254.169.254',
];

const STUN_ERROR = /^\d{3} /;

async function ownAddress(server: StunServer): Promise<string | null> {
  if (isIP(server.host) === 4) return server.host;
  try {
    return (await lookup(server.host, { family: 4 })).address;
  } catch {
    return null; // said on its line: the server's own address could not be tried
  }
}

export async function checkRelayAbuse(
  url: string,
  server: StunServer,
  credential: { username: string; password: string },
  line: Line,
): Promise<void> {
  const tcp = await tcpAllocation(server, credential.username, credential.password);
  if (tcp.ok) line('✗', `TURN ${url}: a TCP relay (RFC 6062) was GRANTED: set no-tcp-relay`);
  else if (STUN_ERROR.test(tcp.reason) && !tcp.reason.startsWith('401'))
    line('✔', `TURN ${url}: TCP relaying refused (${tcp.reason})`);
  else line('–', `TURN ${url}: TCP relaying could not be tried (${tcp.reason})`);

  const own = await ownAddress(server);
  const peers = own ? [own, ...FORBIDDEN_PEERS] : FORBIDDEN_PEERS;
  const asked = await permissionsFor(server, credential.username, credential.password, peers);
  if (!asked.ok) {
    line('✗', `TURN ${url}: relaying to forbidden addresses could not be tried (${asked.reason})`);
    return;
  }
  const granted = [...asked.value].filter(([, refusal]) => refusal === null).map(([p]) => p);
  if (own === null) line('–', `TURN ${url}: the server's own address is unknown (no IPv4)`);
  else if (granted.includes(own))
    line('✗', `TURN ${url}: relaying to the server's own address was GRANTED: deny ${own}`);
  else line('✔', `TURN ${url}: relaying to the server's own address refused`);
  const privateGranted = granted.filter((p) => p !== own);
  line(
    privateGranted.length ? '✗' : '✔',
    privateGranted.length
      ? `TURN ${url}: relaying was GRANTED to ${privateGranted.join(', ')}: deny those ranges`
      : `TURN ${url}: relaying to loopback, private and link-local addresses refused`,
  );
}
