/**
 * Runtime guards for structured data that crosses a trust boundary (messages between
 * extension contexts, settings read back from storage). A guard either returns the value,
 * typed, or a path-qualified reason; it never throws.
 */
export type GuardResult<T> = { ok: true; value: T } | { ok: false; reason: string };
export type Guard<T> = (input: unknown, path?: string) => GuardResult<T>;
export type Guarded<G> = G extends Guard<infer T> ? T : never;

const ok = <T>(value: T): GuardResult<T> => ({ ok: true, value });
const fail = (path: string, expected: string, input: unknown): GuardResult<never> => ({
  ok: false,
  reason: `${path || 'value'}: expected ${expected}, got ${describe(input)}`,
});

function describe(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  return typeof input;
}

export const isString =
  (opts: { min?: number; max: number; pattern?: RegExp }): Guard<string> =>
  (input, path = '') => {
    if (typeof input !== 'string') return fail(path, 'string', input);
    if (input.length < (opts.min ?? 0) || input.length > opts.max)
      return fail(path, `string of length ${opts.min ?? 0}..${opts.max}`, `length ${input.length}`);
    if (opts.pattern && !opts.pattern.test(input))
      return fail(path, `string matching ${opts.pattern}`, 'non-matching string');
    return ok(input);
  };

export const isInteger =
  (opts: { min: number; max: number }): Guard<number> =>
  (input, path = '') =>
    typeof input === 'number' && Number.isInteger(input) && input >= opts.min && input <= opts.max
      ? ok(input)
      : fail(path, `integer in ${opts.min}..${opts.max}`, input);

export const isBoolean: Guard<boolean> = (input, path = '') =>
  typeof input === 'boolean' ? ok(input) : fail(path, 'boolean', input);

export const isLiteral =
  <const L extends string | number | boolean | null>(...values: L[]): Guard<L> =>
  (input, path = '') =>
    values.includes(input as L) ? ok(input as L) : fail(path, values.join(' | '), input);

export const isArray =
  <T>(item: Guard<T>, opts: { max: number }): Guard<T[]> =>
  (input, path = '') => {
    if (!Array.isArray(input)) return fail(path, 'array', input);
    if (input.length > opts.max) return fail(path, `at most ${opts.max} items`, input.length);
    const out: T[] = [];
    for (let i = 0; i < input.length; i++) {
      const r = item(input[i], `${path}[${i}]`);
      if (!r.ok) return r;
      out.push(r.value);
    }
    return ok(out);
  };

export const isOptional =
  <T>(inner: Guard<T>): Guard<T | undefined> =>
  (input, path = '') =>
    input === undefined ? ok(undefined) : inner(input, path);

export const isNullable =
  <T>(inner: Guard<T>): Guard<T | null> =>
  (input, path = '') =>
    input === null ? ok(null) : inner(input, path);

type Shape = Record<string, Guard<unknown>>;
/** Keys whose guard accepts undefined are optional, as isOptional means. */
type FromShape<S extends Shape> = {
  [K in keyof S as undefined extends Guarded<S[K]> ? never : K]: Guarded<S[K]>;
} & { [K in keyof S as undefined extends Guarded<S[K]> ? K : never]?: Guarded<S[K]> };

/** A plain object with exactly these keys (extra keys are refused: they mean a wrong sender). */
export const isObject =
  <S extends Shape>(shape: S): Guard<FromShape<S>> =>
  (input, path = '') => {
    if (typeof input !== 'object' || input === null || Array.isArray(input))
      return fail(path, 'object', input);
    const record = input as Record<string, unknown>;
    // Own keys only: `key in shape` would let "constructor" or "__proto__" through.
    for (const key of Object.keys(record))
      if (!Object.hasOwn(shape, key))
        return { ok: false, reason: `${path || 'value'}: unexpected key ${key}` };
    const out: Record<string, unknown> = {};
    for (const [key, guard] of Object.entries(shape)) {
      const r = guard(record[key], path ? `${path}.${key}` : key);
      if (!r.ok) return r;
      if (r.value !== undefined) out[key] = r.value;
    }
    return ok(out as FromShape<S>);
  };

export const isEmpty: Guard<Record<string, never>> = isObject({});
