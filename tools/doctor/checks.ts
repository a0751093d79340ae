/**
 * `npm run tracker:doctor -- wss://host/path`: checks a running tracker from the outside, as
 * a Murmur client would, one line each. Credentials are used, never printed.
 */
import { networkInterfaces } from 'node:os';
import { isTurnUrl, turnCredential } from '../../src/core/tracker/turn-credentials';
import { parseTrackerUrl } from '../../src/core/tracker-url';
import { allocate, bindingAddress, serverOf } from './stun-client';
import { health, register, type Registration } from './tracker-client';
import { checkRelayAbuse } from './relay-abuse';

export type Mark = '✔' | '✗' | '–';
export interface CheckLine {
  mark: Mark;
  text: string;
}

export interface DoctorOptions {
  /** coturn's secret, if the operator has it at hand: then expired credentials are tried too. */
  turnSecret?: string;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
const ownAddresses = () =>
  new Set(
    Object.values(networkInterfaces())
      .flat()
      .map((i) => i?.address),
  );

export async function runChecks(
  trackerUrl: string,
  options: DoctorOptions,
  print: (line: CheckLine) => void,
): Promise<boolean> {
  let allGood = true;
  const line = (mark: Mark, text: string) => {
    if (mark === '✗') allGood = false;
    print({ mark, text });
  };
  const address = parseTrackerUrl(trackerUrl);
  if (!address.ok) {
    line('✗', `tracker address: ${address.reason}`);
    return false;
  }
  const scheme = address.value.secure ? 'TLS and ' : '';
  try {
    const h = await health(address.value);
    line(
      '✔',
      `${scheme}HTTP reachable: /health says ${h.peers} peers online, STUN ${h.stun ? 'on' : 'off'}, TURN ${h.turn ? 'on' : 'off'}`,
    );
  } catch (error) {
    line('✗', `${scheme}HTTP reachable: ${errorText(error)}`);
    return false;
  }
  let registration: Registration;
  try {
    registration = await register(address.value);
    line(
      '✔',
      `challenge and registration over ${address.value.secure ? 'wss' : 'ws'}: registered as ${registration.peerId}`,
    );
  } catch (error) {
    line('✗', `challenge and registration: ${errorText(error)}`);
    return false;
  }
  try {
    const answer = await registration.askIce();
    if ('refused' in answer) {
      line('✗', `ICE servers: refused (${answer.refused}, ask again in ${answer.retryAfter} s)`);
      return false;
    }
    const urls = answer.iceServers.flatMap((s) => s.urls);
    line(
      urls.length ? '✔' : '✗',
      urls.length
        ? `ICE servers handed out (valid ${answer.ttl} s): ${urls.join(', ')}`
        : 'ICE servers: none handed out (clients get host candidates only)',
    );
    const mine = ownAddresses();
    for (const url of urls.filter((u) => u.startsWith('stun:'))) {
      const server = serverOf(url);
      const seen = server
        ? await bindingAddress(server)
        : { ok: false as const, reason: 'unreadable URL' };
      if (!seen.ok) line('✗', `STUN ${url}: ${seen.reason}`);
      else {
        const nat = !mine.has(seen.value.split(':')[0]);
        line('✔', `STUN ${url}: sees you as ${seen.value}${nat ? ' (a NAT is in the way)' : ''}`);
      }
    }
    const abuseChecked = new Set<string>();
    for (const server of answer.iceServers.filter((s) => s.urls.some(isTurnUrl))) {
      for (const url of server.urls) {
        const where = serverOf(url);
        if (!where || !server.username || !server.credential) {
          line('✗', `TURN ${url}: no credentials with it`);
          continue;
        }
        const granted = await allocate(where, server.username, server.credential);
        line(
          granted.ok ? '✔' : '✗',
          `TURN ${url}: ${granted.ok ? `allocation with the handed-out credentials relays at ${granted.value}` : `allocation with the handed-out credentials failed: ${granted.reason}`}`,
        );
        const forged = await allocate(
          where,
          server.username,
          `${server.credential.slice(0, -4)}AAA=`,
        );
        line(
          !forged.ok && /^401/.test(forged.reason) ? '✔' : '✗',
          `TURN ${url}: forged credentials ${forged.ok ? 'were ACCEPTED' : `refused (${forged.reason})`}`,
        );
        // What the relay allows is one server's policy, whichever URL reaches it.
        const serverKey = where.host;
        if (granted.ok && !abuseChecked.has(serverKey)) {
          abuseChecked.add(serverKey);
          await checkRelayAbuse(
            url,
            where,
            { username: server.username, password: server.credential },
            line,
          );
        }
        if (options.turnSecret === undefined) {
          line('–', `TURN ${url}: expired credentials not tried (give --turn-secret-file)`);
          continue;
        }
        const expired = turnCredential(
          options.turnSecret,
          registration.peerId,
          Date.now() / 1000 - 60,
        );
        const late = await allocate(where, expired.username, expired.credential);
        line(
          !late.ok && /^401/.test(late.reason) ? '✔' : '✗',
          `TURN ${url}: expired credentials ${late.ok ? 'were ACCEPTED' : `refused (${late.reason})`}`,
        );
      }
    }
  } catch (error) {
    line('✗', `ICE servers: ${errorText(error)}`);
  } finally {
    registration.close();
  }
  return allGood;
}
