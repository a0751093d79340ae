/**
 * What `npm run check` refuses (the house issue): a non-null assertion outside tests, a browser
 * API in the pure layers, an import cycle (type-only imports included), and a file over 300
 * lines. Each is planted here and must be reported.
 */
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../tools/build';
import { cyclesIn, importGraphOf } from '../../../tools/check-cycles';
import { MAX_LINES, oversized } from '../../../tools/check-sizes';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';
import { untypedLint } from './untyped-lint';

const eslint = untypedLint(ROOT);
const rulesBroken = async (code: string, filePath: string) =>
  (await eslint.lintText(code, { filePath }))[0]?.messages.map((m) => m.ruleId) ?? [];

describe('lint', () => {
  it('refuses a planted non-null assertion in the product, not in a test', async () => {
    const planted = 'export const first = (xs: number[]): number => xs[0]!;\n';
    expect(await rulesBroken(planted, 'src/core/planted.ts')).toContain(
      '@typescript-eslint/no-non-null-assertion',
    );
    expect(await rulesBroken(planted, 'tools/planted.ts')).toContain(
      '@typescript-eslint/no-non-null-assertion',
    );
    expect(await rulesBroken(planted, 'test/unit/planted.test.ts')).not.toContain(
      '@typescript-eslint/no-non-null-assertion',
    );
  });

  it('refuses chrome.*, browser globals and Dexie in src/app and src/core', async () => {
    for (const room of ['app', 'core']) {
      expect(
        await rulesBroken('export const id = chrome.runtime.id;\n', `src/${room}/x.ts`),
      ).toContain('no-restricted-globals');
      expect(
        await rulesBroken(
          "import Dexie from 'dexie';\nexport const D = Dexie;\n",
          `src/${room}/x.ts`,
        ),
      ).toContain('no-restricted-imports');
    }
    expect(
      await rulesBroken(
        "import browser from 'webextension-polyfill';\nexport const b = browser;\n",
        'src/background/x.ts',
      ),
    ).not.toContain('no-restricted-imports');
  });
});

describe('src/app', () => {
  it('may answer with the messaging contract, but not reach contexts itself', async () => {
    const contract =
      "import { isAudienceLists } from '../messaging/settings';\nexport const g = isAudienceLists;\n";
    const client =
      "import { createClient } from '../messaging/client';\nexport const c = createClient;\n";
    const router = "import { dispatch } from '../messaging/router';\nexport const d = dispatch;\n";
    expect(await rulesBroken(contract, 'src/app/x.ts')).not.toContain('no-restricted-imports');
    expect(await rulesBroken(client, 'src/app/x.ts')).toContain('no-restricted-imports');
    expect(await rulesBroken(router, 'src/app/x.ts')).toContain('no-restricted-imports');
    expect(
      await rulesBroken(
        "import { openDatabase } from '../background/database';\nexport const o = openDatabase;\n",
        'src/app/x.ts',
      ),
    ).toContain('no-restricted-imports');
  });
});

describe('import cycles', () => {
  it('finds a planted cycle, each once, and none in a tree', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', []],
      ['self.ts', ['self.ts']],
    ]);
    const cycles = cyclesIn(graph).map((c) => [...c].sort());
    expect(cycles).toEqual([['a.ts', 'b.ts', 'c.ts'], ['self.ts']]);
    expect(
      cyclesIn(
        new Map([
          ['a.ts', ['b.ts']],
          ['b.ts', []],
        ]),
      ),
    ).toEqual([]);
  });
});

describe('type-only import cycles', () => {
  it('are found too: a type two modules each need from the other has no home', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'planted-cycle-'));
    try {
      await writeFile(
        join(dir, 'records.ts'),
        "import type { Key } from './seen';\nexport type R = { k: Key };\n",
      );
      await writeFile(
        join(dir, 'seen.ts'),
        "import type { R } from './records';\nexport type Key = string;\nexport const f = (r: R) => r;\n",
      );
      await writeFile(join(dir, 'other.ts'), "import { f } from './seen';\nexport const g = f;\n");
      const graph = importGraphOf(['records.ts', 'seen.ts', 'other.ts'].map((f) => join(dir, f)));
      const at = (f: string) => relative(ROOT, join(dir, f));
      expect(cyclesIn(graph).map((c) => [...c].sort())).toEqual([
        [at('records.ts'), at('seen.ts')],
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('file sizes', () => {
  it(`refuses a file over ${MAX_LINES} lines, and not one at the limit`, () => {
    const lines = (n: number) => 'export const x = 1;\n'.repeat(n);
    expect(
      oversized({ 'src/app/long.ts': lines(MAX_LINES + 1), 'src/app/ok.ts': lines(MAX_LINES) }),
    ).toEqual([['src/app/long.ts', MAX_LINES + 1]]);
  });
});
