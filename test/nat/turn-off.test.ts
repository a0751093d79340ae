/**
 * A tracker without TURN: two homes behind symmetric NATs cannot reach each other, the
 * Friends list says so with the reason, and a message between them still arrives, carried by
 * a friend whose home router lets them both in.
 */
import { describe, expect, it } from 'vitest';
import { labScene } from './lab-scene';
import { friendOf, linkedPath, startAndBefriend } from './paths';

describe('no TURN on the tracker', () => {
  const scene = labScene([
    { name: 'ivy-home', kind: 'symmetric' },
    { name: 'jon-home', kind: 'symmetric' },
    { name: 'kim-home', kind: 'full-cone' },
  ]);

  it('the symmetric pair cannot connect, says so, and a friend carries their message', async () => {
    const { tracker, person } = await scene.start({ turn: false });
    const ivy = person('ivy', 'chromium', 'ivy-home');
    const jon = person('jon', 'chromium', 'jon-home');
    const kim = person('kim', 'firefox', 'kim-home');
    await startAndBefriend(
      [ivy, jon, kim],
      [
        [ivy, jon],
        [ivy, kim],
        [kim, jon],
      ],
      tracker.url,
    );
    expect((await linkedPath(ivy, kim, 90_000)).via).toBe('direct');
    expect((await linkedPath(jon, kim, 90_000)).via).toBe('direct');
    const jonFp = (await jon.ui('identity.get', {}))!.fingerprint;
    await ivy.until(
      'friends.list',
      {},
      (fs) => fs.some((f) => f.fingerprint === jonFp && f.connection.state === 'unreachable'),
      'Ivy sees that Jon cannot be reached',
      60_000,
      500,
    );
    expect((await friendOf(ivy, jon)).connection).toEqual({
      state: 'unreachable',
      reason: 'no-relay',
    });
    // What Ivy reads in her Friends list.
    const popup = await ivy.browser!.openExtensionPage('popup.html');
    await popup.click('#tab-friends');
    await popup.waitFor(
      (fp) =>
        document
          .querySelector(`[data-fingerprint="${fp}"] [data-testid=friend-connection]`)
          ?.textContent?.includes("can't connect: there is no direct path between you") ?? false,
      jonFp,
      30_000,
    );
    await popup.close();
    await ivy.ui('messages.send', { to: jonFp, text: 'Kim will bring you this' });
    await jon.waitForText('Kim will bring you this', 90_000);
    expect((await friendOf(jon, ivy)).online).toBe(false);
  });
});
