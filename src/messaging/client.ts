/**
 * The sending side: builds the envelope, awaits the reply, and turns an error reply (or no
 * reply at all) into a thrown MessagingError. The actual send function is injected so the same
 * client serves runtime messaging, in-process calls (Firefox's host) and Node tests.
 */
import { isReply, type Channel, type RequestEnvelope } from './envelope';
import { MessagingError } from './errors';
import type { RequestMap, RequestOf, ResponseOf } from './request-map';

export type SendFn = (message: RequestEnvelope) => Promise<unknown>;

export interface Client<M extends RequestMap> {
  request<K extends keyof M & string>(type: K, payload: RequestOf<M, K>): Promise<ResponseOf<M, K>>;
}

export function createClient<M extends RequestMap>(
  channel: Channel,
  send: SendFn,
  timeoutMs = 10_000,
): Client<M> {
  return {
    async request(type, payload) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new MessagingError('timeout', `no reply to ${type} in ${timeoutMs} ms`)),
          timeoutMs,
        );
      });
      let raw: unknown;
      try {
        raw = await Promise.race([send({ murmur: 1, channel, type, payload }), timeout]);
      } catch (error) {
        if (error instanceof MessagingError) throw error;
        // e.g. Chromium's "Could not establish connection. Receiving end does not exist."
        throw new MessagingError(
          'unavailable',
          error instanceof Error ? error.message : String(error),
        );
      } finally {
        clearTimeout(timer);
      }
      if (raw === undefined) throw new MessagingError('unavailable', `nobody answered ${type}`);
      const reply = isReply(raw);
      if (!reply.ok)
        throw new MessagingError('malformed-message', `bad reply to ${type}: ${reply.reason}`);
      if (!reply.value.ok)
        throw new MessagingError(
          reply.value.error.code,
          reply.value.error.message,
          reply.value.error.refusal,
        );
      return reply.value.value as ResponseOf<M, typeof type>;
    },
  };
}
