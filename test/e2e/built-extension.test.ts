/** The built Firefox package passes Mozilla's add-on linter with no errors. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, ROOT } from '../../tools/build';

describe('built extension', () => {
  it('web-ext lint reports 0 errors for dist/firefox', () => {
    const result = spawnSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/web-ext/bin/web-ext.js'),
        'lint',
        '--source-dir',
        join(DIST, 'firefox'),
        '--output',
        'json',
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    const report = JSON.parse(result.stdout) as {
      summary: { errors: number };
      errors: { code: string; message: string }[];
    };
    expect(report.errors).toEqual([]);
    expect(report.summary.errors).toBe(0);
  });
});
