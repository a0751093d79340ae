/**
 * The README's first command, `npm start`, on a machine with no display: it starts a tracker,
 * opens Murmur headless, connects, saves screenshots and exits cleanly.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../tools/build';

function runStart(args: string[]): Promise<{ code: number | null; out: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, MURMUR_PREBUILT: '1' };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'tools/run.ts'), ...args], {
    cwd: ROOT,
    env,
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out })));
}

describe('npm start without a display', () => {
  it('opens Murmur headless, connects to its own tracker, and says where the screenshots are', async () => {
    const { code, out } = await runStart([]);
    expect(out).toContain('No display found');
    expect(out).toContain('Murmur is connected to the local tracker.');
    expect(code).toBe(0);
    expect(existsSync(join(ROOT, 'test-results/run/chromium-popup.png'))).toBe(true);
  });
});
