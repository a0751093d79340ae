/**
 * `npm run package`: store-ready zips for both browsers (web-ext build) in web-ext-artifacts/.
 * Source maps stay out of the store packages.
 */
import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { buildAll, DIST, ROOT } from './build';

await buildAll();
const out = join(ROOT, 'web-ext-artifacts');
await rm(out, { recursive: true, force: true });
for (const target of ['chromium', 'firefox'] as const) {
  const result = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/web-ext/bin/web-ext.js'),
      'build',
      '--source-dir',
      join(DIST, target),
      '--artifacts-dir',
      out,
      '--filename',
      `murmur-${target}-{version}.zip`,
      '--ignore-files',
      '*.map',
      '--overwrite-dest',
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}
