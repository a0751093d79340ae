/**
 * The tracker's and the home's systemd units as shipped, rated by systemd itself (hostile peers, second round,
 * point 8: the tracker's scored 5.2 MEDIUM). Both face the internet: if one is ever taken
 * over, its unit decides what else on the machine it can touch.
 */
import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

it.each(['murmur-tracker', 'murmur-home'])(
  'deploy/%s.service rates below 3.0 in systemd-analyze security',
  async (name) => {
    const dir = await mkdtemp(join(tmpdir(), 'murmur-unit-'));
    try {
      const unit = join(dir, `${name}.service`);
      await copyFile(`deploy/${name}.service`, unit);
      const out = spawnSync('systemd-analyze', ['security', '--offline=true', unit], {
        encoding: 'utf8',
        timeout: 30_000,
      });
      const rating = new RegExp(`Overall exposure level for ${name}\\.service: (\\d+\\.\\d+)`).exec(
        out.stdout,
      );
      expect(rating, out.stderr || out.stdout).not.toBeNull();
      expect(Number(rating?.[1])).toBeLessThan(3.0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
);
