/**
 * A request map names each request a context serves, with a runtime guard for its payload
 * and (as a phantom type) its response. Both ends are typed from the same map.
 */
import type { Guard, Guarded } from '../core/guard';

export interface RequestSpec<Req, Res> {
  readonly request: Guard<Req>;
  /** Phantom: never set, only carries the response type. */
  readonly response?: Res;
}

export type RequestMap = Record<string, RequestSpec<unknown, unknown>>;

/** `defineRequest<ResponseType>()(payloadGuard)` */
export const defineRequest =
  <Res>() =>
  <Req>(request: Guard<Req>): RequestSpec<Req, Res> => ({ request });

export type RequestOf<M extends RequestMap, K extends keyof M> = Guarded<M[K]['request']>;
export type ResponseOf<M extends RequestMap, K extends keyof M> =
  M[K] extends RequestSpec<unknown, infer R> ? R : never;

export type Handlers<M extends RequestMap, Ctx> = {
  [K in keyof M]: (request: RequestOf<M, K>, ctx: Ctx) => Promise<ResponseOf<M, K>>;
};
