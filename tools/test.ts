/**
 * `npm test`: builds the extension, runs every tier (unit, then e2e in real Chromium and
 * Firefox), and ends with one plain summary line: "tests: N passed, N failed, N skipped".
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAll, ROOT } from './build';

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  success: boolean;
}

await buildAll();
const report = join(ROOT, 'test-results', 'vitest.json');
const projects = process.argv.slice(2).flatMap((p) => ['--project', p]);
const run = spawnSync(
  process.execPath,
  [
    join(ROOT, 'node_modules/vitest/vitest.mjs'),
    'run',
    ...projects,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ],
  { cwd: ROOT, stdio: 'inherit' },
);
let summary: VitestJson | null = null;
try {
  summary = JSON.parse(readFileSync(report, 'utf8')) as VitestJson;
} catch {
  summary = null;
}
if (!summary) {
  console.log('tests: 0 passed, 1 failed (the test runner produced no report)');
  process.exit(run.status || 1);
}
const skipped = summary.numPendingTests + summary.numTodoTests;
// A run that errored outside any test (bad config, unhandled error) still counts as a failure.
const failed = summary.numFailedTests + (run.status !== 0 && summary.numFailedTests === 0 ? 1 : 0);
console.log(`tests: ${summary.numPassedTests} passed, ${failed} failed, ${skipped} skipped`);
process.exit(run.status === 0 && summary.numPassedTests > 0 ? 0 : run.status || 1);
