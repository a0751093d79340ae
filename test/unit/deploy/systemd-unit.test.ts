/**
 * The tracker's systemd unit as shipped, rated by systemd itself (hostile peers, second round,
 * point 8: it scored 5.2 MEDIUM). A tracker faces the internet: if it is ever taken over, the
 * unit decides what else on the machine it can touch.
 */
import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

it('deploy/murmur-tracker.service rates below 3.0 in systemd-analyze security', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'murmur-unit-'));
  try {
    const unit = join(dir, 'murmur-tracker.service');
    await copyFile('deploy/murmur-tracker.service', unit);
    const out = spawnSync('systemd-analyze', ['security', '--offline=true', unit], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    const rating = /Overall exposure level for murmur-tracker\.service: (\d+\.\d+)/.exec(
      out.stdout,
    );
    expect(rating, out.stderr || out.stdout).not.toBeNull();
    expect(Number(rating?.[1])).toBeLessThan(3.0);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
