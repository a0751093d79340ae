/**
 * PROTOCOL.md is a contract: what §6 reserves as never sent is promised nowhere else
 * (hostile peers, second round, point 8: §8 promised a kind-8 receipt that §6 reserves).
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

const text = readFileSync('PROTOCOL.md', 'utf8');

it('no section promises a message kind that §6 reserves', () => {
  const reserved = /Codes (\d+)–(\d+) are reserved/.exec(text);
  expect(reserved, '§6 names its reserved codes').not.toBeNull();
  const [low, high] = [Number(reserved?.[1]), Number(reserved?.[2])];
  const promised = [...text.matchAll(/\(kind (\d+)\)/g)]
    .map((m) => Number(m[1]))
    .filter((kind) => kind >= low && kind <= high);
  expect(promised).toEqual([]);
});
