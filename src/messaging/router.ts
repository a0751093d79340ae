/**
 * Dispatches wire messages to typed handlers. Pure: the caller passes the raw message and a
 * context describing the sender; the router validates everything and always produces a typed
 * reply (or `undefined` when the message belongs to another context, so that one can answer).
 */
import { isRequestEnvelope, replyError, replyOk, type Channel, type Reply } from './envelope';
import { errorDataOf } from './errors';
import type { Handlers, RequestMap } from './request-map';

export interface Route<Ctx> {
  map: RequestMap;
  handlers: Handlers<RequestMap, Ctx>;
  /** Refuses senders that may not use this channel. */
  allow: (ctx: Ctx) => boolean;
}

export type Routes<Ctx> = Partial<Record<Channel, Route<Ctx>>>;

export function route<M extends RequestMap, Ctx>(
  map: M,
  handlers: Handlers<M, Ctx>,
  allow: (ctx: Ctx) => boolean,
): Route<Ctx> {
  return { map, handlers: handlers, allow };
}

export interface DispatchOptions {
  /** Channels served by some other context: stay silent so that context can answer. */
  foreignChannels: readonly Channel[];
  /**
   * Whether to answer messages that are not Murmur requests at all. Exactly one context (the
   * background) does, so a sender always gets one typed error rather than racing replies.
   */
  answerMalformed: boolean;
}

export function dispatch<Ctx>(
  message: unknown,
  ctx: Ctx,
  routes: Routes<Ctx>,
  options: DispatchOptions,
): Promise<Reply<unknown>> | undefined {
  const envelope = isRequestEnvelope(message);
  if (!envelope.ok) {
    if (!options.answerMalformed) return undefined;
    return Promise.resolve(
      replyError({
        code: 'malformed-message',
        message: `not a Murmur request (${envelope.reason})`,
      }),
    );
  }
  const { channel, type, payload } = envelope.value;
  if ((options.foreignChannels as readonly string[]).includes(channel)) return undefined;
  const routeForChannel = (routes as Record<string, Route<Ctx> | undefined>)[channel];
  if (!routeForChannel)
    return Promise.resolve(
      replyError({ code: 'unknown-channel', message: `no channel "${channel}" here` }),
    );
  if (!routeForChannel.allow(ctx))
    return Promise.resolve(
      replyError({ code: 'forbidden', message: `this sender may not use channel "${channel}"` }),
    );
  const spec = Object.hasOwn(routeForChannel.map, type) ? routeForChannel.map[type] : undefined;
  const handler = Object.hasOwn(routeForChannel.handlers, type)
    ? routeForChannel.handlers[type]
    : undefined;
  if (!spec || !handler)
    return Promise.resolve(
      replyError({
        code: 'unknown-type',
        message: `channel "${channel}" has no request "${type}"`,
      }),
    );
  const checked = spec.request(payload, 'payload');
  if (!checked.ok)
    return Promise.resolve(replyError({ code: 'invalid-payload', message: checked.reason }));
  return handler(checked.value, ctx).then(replyOk, (error: unknown) =>
    replyError(errorDataOf(error)),
  );
}
