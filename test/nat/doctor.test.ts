/**
 * The operator's view: `npm run tracker:doctor` from a home behind a NAT prints all ✔ against
 * the lab's tracker; with coturn stopped its TURN lines are ✗ with the reason while the
 * tracker keeps registering. The user's view: Options › Network › "Test my connection" says
 * the same, and Murmur stays registered without TURN.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../tools/build';
import type { ExtensionPage } from '../../tools/browsers/extension-page';
import { labScene } from './lab-scene';

function doctor(netns: string, url: string, secretFile: string) {
  const out = spawnSync(
    'ip',
    [
      'netns',
      'exec',
      netns,
      process.execPath,
      '--import',
      'tsx',
      join(ROOT, 'tools/doctor/cli.ts'),
      url,
      '--turn-secret-file',
      secretFile,
    ],
    { cwd: ROOT, encoding: 'utf8', timeout: 90_000 },
  );
  return { code: out.status, lines: out.stdout.trim().split('\n') };
}

/** Clicks "Test my connection" and returns what it reports once this run is over. */
async function testMyConnection(options: ExtensionPage, run: number): Promise<string> {
  await options.click('.connection-test button');
  await options.waitFor(
    (n) => document.querySelector('.connection-test')?.getAttribute('data-runs') === String(n),
    run,
    30_000,
  );
  return options.textOf('.connection-test [role=status]');
}

describe('tracker doctor and "test my connection"', () => {
  const scene = labScene([
    { name: 'lea-home', kind: 'ordinary' },
    { name: 'operator-home', kind: 'ordinary' },
  ]);

  it('all ✔ with coturn up; TURN ✗ with the reason when it is down, the tracker still works', async () => {
    const { lab, tracker, person, secretFile, stopCoturn } = await scene.start({ turn: true });
    const operator = lab.homes.get('operator-home')!;
    const lea = person('lea', 'chromium', 'lea-home');
    await lea.launch(tracker.url);
    await lea.ui('identity.create', { displayName: 'Lea' });

    const healthy = doctor(operator.netns, tracker.url, secretFile);
    expect(
      healthy.lines.every((l) => l.startsWith('✔')),
      healthy.lines.join('\n'),
    ).toBe(true);
    expect(healthy.code).toBe(0);
    expect(healthy.lines.join('\n')).toContain(`sees you as ${operator.wanIp}:`);
    expect(healthy.lines.filter((l) => /forged credentials refused/.test(l))).toHaveLength(2);
    expect(healthy.lines.filter((l) => /expired credentials refused/.test(l))).toHaveLength(2);
    expect(healthy.lines.join('\n')).not.toContain('nat-lab-secret');
    // Not an open relay: no TCP relay, nothing to the server itself or to private ranges.
    expect(healthy.lines.filter((l) => /TCP relaying refused \(4\d\d /.test(l))).toHaveLength(1);
    expect(
      healthy.lines.filter((l) => /relaying to the server's own address refused/.test(l)),
    ).toHaveLength(1);
    expect(
      healthy.lines.filter((l) => /loopback, private and link-local addresses refused/.test(l)),
    ).toHaveLength(1);

    const options = await lea.browser!.openExtensionPage('options.html');
    const report = await testMyConnection(options, 1);
    expect(report).toContain(`${lab.homes.get('lea-home')!.wanIp}`);
    expect(report).toContain('A router (NAT) is between you and the internet.');
    expect(report).toContain('The relay (TURN) works');

    await stopCoturn();
    const ailing = doctor(operator.netns, tracker.url, secretFile);
    expect(ailing.code).toBe(1);
    expect(ailing.lines.find((l) => l.includes('registration'))).toMatch(/^✔/);
    const turnLines = ailing.lines.filter((l) => l.includes('allocation'));
    expect(turnLines).toHaveLength(2);
    for (const l of turnLines) expect(l).toMatch(/^✗ .*failed: (no answer|connect ECONNREFUSED)/);

    const after = await testMyConnection(options, 2);
    expect(after).toContain('connected');
    expect(after).toContain('The relay (TURN) did not answer');
    const status = await lea.ui('status', {});
    expect(status.host.reachable && status.host.status.trackers[0]?.state).toBe('connected');
  });
});
