/**
 * `npm run package [-- --tracker wss://tracker.example.org/murmur]`: store-ready zips for both
 * browsers (web-ext build) in web-ext-artifacts/, with that tracker (or MURMUR_DEFAULT_TRACKER)
 * as the default for fresh installs. Source maps stay out of the store packages.
 */
import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseTrackerUrl } from '../src/core/tracker-url';
import { buildAll, DIST, ROOT } from './build';

const flag = process.argv.indexOf('--tracker');
const tracker = flag >= 0 ? process.argv[flag + 1] : process.env.MURMUR_DEFAULT_TRACKER;
if (tracker !== undefined) {
  const parsed = parseTrackerUrl(tracker);
  if (!parsed.ok) {
    console.error(`murmur package: --tracker ${tracker}: ${parsed.reason}`);
    process.exit(2);
  }
  if (!parsed.value.secure)
    console.warn(`murmur package: ${tracker} is not wss://: users' signalling would be readable`);
} else
  console.warn('murmur package: no --tracker: the zips default to the local development tracker');
await buildAll({ defaultTracker: tracker });
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
