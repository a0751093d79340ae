/**
 * The guards of values from outside: every request a page, a content script, the network host
 * or a link may send, backups, settings, tracker answers and frames. A guard never throws, and
 * what it accepts it returns as it was.
 */
import { isBackupContents } from '../../src/core/backup/contents';
import type { Guard } from '../../src/core/guard';
import { isThumbnailData } from '../../src/core/messages/thumbnail-data';
import { checkClientFrame, isIceAnswer, isPresenceAnswer } from '../../src/core/tracker/frames';
import { isBackupCommand } from '../../src/messaging/backup-port';
import { contentRequests } from '../../src/messaging/content-requests';
import { isReply, isRequestEnvelope } from '../../src/messaging/envelope';
import { hostRequests } from '../../src/messaging/host-requests';
import { inviteRequests } from '../../src/messaging/invite-requests';
import { linkEvents } from '../../src/messaging/link-events';
import type { RequestMap } from '../../src/messaging/request-map';
import {
  isAudienceLists,
  isCrosspostSettings,
  isNetworkSettings,
} from '../../src/messaging/settings';
import { uiRequests } from '../../src/messaging/ui-requests';
import { randomValue } from './inputs';
import type { FuzzTarget } from './target';

/**
 * The same value as a reader of it would see: own keys and what they hold, whatever the
 * prototype (a guard may rebuild a null-prototype object as a plain one).
 */
function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a instanceof Uint8Array && b instanceof Uint8Array)
    return a.length === b.length && a.every((byte, i) => byte === b[i]);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const keysB = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return (
    keysA.length === keysB.length &&
    keysA.every(
      (k) =>
        Object.hasOwn(b, k) &&
        same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
    )
  );
}

/** Thrown when a guard breaks its contract: never a refusal. */
class ContractBroken extends Error {}

const payloadGuards = (name: string, map: RequestMap): [string, Guard<unknown>][] =>
  Object.entries(map).map(([type, spec]) => [`${name} ${type}`, spec.request]);

const show = (value: unknown) => {
  try {
    return JSON.stringify(value)?.slice(0, 300) ?? String(value);
  } catch {
    return String(value);
  }
};

/** Every guard of a value from outside the user's browser, by name (the fuzz tests use it too). */
export function outsideGuards(): [string, Guard<unknown>][] {
  return [
    ...payloadGuards('ui', uiRequests),
    ...payloadGuards('host', hostRequests),
    ...payloadGuards('content', contentRequests),
    ...payloadGuards('invite', inviteRequests),
    ...payloadGuards('link', linkEvents),
    ['request envelope', isRequestEnvelope],
    ['reply', isReply],
    ['backup command', isBackupCommand],
    ['backup contents', isBackupContents],
    ['network settings', isNetworkSettings],
    ['crosspost settings', isCrosspostSettings],
    ['audience lists', isAudienceLists],
    ['thumbnail', isThumbnailData],
    ['tracker presence answer', isPresenceAnswer],
    ['tracker ICE answer', isIceAnswer],
  ];
}

export function valueTargets(): FuzzTarget[] {
  const guards = outsideGuards();
  const targets: FuzzTarget[] = guards.map(([name, guard]) => ({
    name: `guard: ${name}`,
    // Many small guards: together about as many inputs as a decoder.
    weight: 8 / guards.length,
    input: (r) => randomValue(r),
    handle: (value) => {
      const result = guard(value);
      if (result.ok && !same(result.value, value))
        throw new ContractBroken('accepted a value it did not return as it was');
      if (!result.ok && typeof result.reason !== 'string')
        throw new ContractBroken('refused without a reason');
    },
    typed: () => false, // a guard refuses by its result, never by a throw
    show,
  }));
  targets.push({
    name: 'tracker client frame',
    weight: 1,
    input: (r) => randomValue(r),
    handle: (value) => {
      const r = checkClientFrame(value);
      if (!r.ok && typeof r.reason !== 'string') throw new ContractBroken('no reason');
    },
    typed: () => false,
    show,
  });
  return targets;
}
