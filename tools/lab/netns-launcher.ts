/**
 * A launcher script that runs a browser inside a lab namespace. Playwright drives Chromium
 * over a pipe, so the test process stays in the host namespace and the browser sees only the
 * home's network (shared/NAT-LAB.md: never give a home a second interface for control).
 */
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../build';

/** Chromium: Playwright's pipe crosses namespaces as it is. */
export function netnsLauncher(dir: string, netns: string, binary: string): string {
  const path = join(dir, `launch-${netns}.sh`);
  writeFileSync(path, `#!/bin/sh\nexec ip netns exec ${netns} ${binary} "$@"\n`);
  chmodSync(path, 0o755);
  return path;
}

/** Firefox: its WebDriver BiDi socket is carried out of the home (firefox-launcher.ts). */
export function netnsFirefoxLauncher(dir: string, netns: string, binary: string): string {
  const path = join(dir, `launch-firefox-${netns}.sh`);
  const launcher = join(ROOT, 'tools/lab/firefox-launcher.ts');
  const socket = join(dir, `bidi-${netns}.sock`);
  writeFileSync(
    path,
    `#!/bin/sh\ncd ${ROOT}\nexec ${process.execPath} --import tsx ${launcher} ${netns} ${socket} ${binary} "$@"\n`,
  );
  chmodSync(path, 0o755);
  return path;
}
