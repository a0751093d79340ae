import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  isArray,
  isBoolean,
  isInteger,
  isLiteral,
  isNullable,
  isObject,
  isOptional,
  isString,
} from '../../../src/core/guard';

const person = isObject({
  name: isString({ min: 1, max: 5 }),
  age: isInteger({ min: 0, max: 150 }),
  tags: isArray(isLiteral('a', 'b'), { max: 2 }),
  admin: isOptional(isBoolean),
  nick: isNullable(isString({ max: 3 })),
});

describe('guards', () => {
  it('accept a valid value and return it', () => {
    const value = { name: 'Ann', age: 30, tags: ['a'], nick: null };
    expect(person(value)).toEqual({ ok: true, value });
  });

  it('name the path of what is wrong', () => {
    expect(person({ name: 'Ann', age: 30, tags: ['a', 'c'], nick: null })).toEqual({
      ok: false,
      reason: 'tags[1]: expected a | b, got string',
    });
    expect(person({ name: 'Ann', age: 1.5, tags: [], nick: null })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('age'),
    });
    expect(person({ name: 'Ann', age: 3, tags: [], nick: null, x: 1 })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('unexpected key x'),
    });
  });

  it('enforce sizes', () => {
    expect(person({ name: 'Annabel', age: 3, tags: [], nick: null }).ok).toBe(false);
    expect(person({ name: 'Ann', age: 3, tags: ['a', 'a', 'a'], nick: null }).ok).toBe(false);
  });

  it('never throw on arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true }), (input) => {
        const r = person(input);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 1000 },
    );
  });
});

describe('isObject against keys named like object properties', () => {
  it('an attacker adding "constructor", "__proto__" or "toString" is refused', () => {
    const shape = isObject({ a: isString({ max: 4 }) });
    for (const extra of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const input: unknown = JSON.parse(`{"a":"x","${extra}":1}`);
      expect(shape(input)).toEqual({ ok: false, reason: `value: unexpected key ${extra}` });
    }
  });
});
