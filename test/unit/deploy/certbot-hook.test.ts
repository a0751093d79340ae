/**
 * TLS keys for the tracker and coturn (hostile peers, second round, point 8): the guide's
 * `setfacl -R` on /etc/letsencrypt gave the tracker every certificate key on the machine, and
 * did not reach renewed keys. The shipped certbot deploy hook copies the one lineage, each
 * renewal again, readable by the service's group only.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'murmur-certbot-'));
  for (const site of ['tracker.example.org', 'shop.example.org']) {
    await mkdir(join(dir, 'live', site), { recursive: true });
    await writeFile(join(dir, 'live', site, 'fullchain.pem'), `chain of ${site}`);
    await writeFile(join(dir, 'live', site, 'privkey.pem'), `key of ${site}`);
  }
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function hook(site: string) {
  return spawnSync('sh', ['deploy/certbot-deploy-hook.sh'], {
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      RENEWED_LINEAGE: join(dir, 'live', site),
      MURMUR_TLS_DIR: join(dir, 'murmur-tls'),
      COTURN_TLS_DIR: join(dir, 'coturn-tls'),
      // The test's own group for both services, and no services to restart.
      MURMUR_GROUP: String(process.getgid?.() ?? 0),
      COTURN_GROUP: String(process.getgid?.() ?? 0),
      MURMUR_TLS_RESTART: 'true',
    },
  });
}

it("copies the tracker's certificate, key readable by the group only, and nothing else", async () => {
  expect(hook('shop.example.org').status).toBe(0);
  expect(existsSync(join(dir, 'murmur-tls'))).toBe(false); // another site's renewal: untouched

  const first = hook('tracker.example.org');
  expect(first.status, first.stderr).toBe(0);
  for (const service of ['murmur-tls', 'coturn-tls']) {
    const key = join(dir, service, 'privkey.pem');
    expect(await readFile(key, 'utf8')).toBe('key of tracker.example.org');
    expect((await stat(key)).mode & 0o777).toBe(0o640);
    expect((await stat(join(dir, service))).mode & 0o777).toBe(0o750);
  }
  // A renewal writes a new key: the next run copies it, with the same rights.
  await writeFile(join(dir, 'live', 'tracker.example.org', 'privkey.pem'), 'renewed key');
  expect(hook('tracker.example.org').status).toBe(0);
  expect(await readFile(join(dir, 'murmur-tls', 'privkey.pem'), 'utf8')).toBe('renewed key');
});

it('the guide grants no service a read on /etc/letsencrypt', async () => {
  const guide = await readFile('deploy/OPERATOR-GUIDE.md', 'utf8');
  expect(guide).not.toMatch(/^setfacl .*\/etc\/letsencrypt/m);
  for (const file of ['deploy/tracker.env.example', 'deploy/turnserver.conf'])
    expect(await readFile(file, 'utf8')).not.toMatch(/^[^#].*\/etc\/letsencrypt/m);
});
