/**
 * The page that serves an invite can swap the card (hostile peers, second round, point 3):
 * invites reached through a redirect, and plain-http invite pages off this computer, are not
 * offered; everything offered names its site.
 */
import { expect, it } from 'vitest';
import { judgeInviteOpening } from '../../../src/core/identity/invite-opening';

it('offers https pages and loopback http pages, naming the site', () => {
  expect(judgeInviteOpening('https://tracker.example/murmur/invite', false)).toEqual({
    ok: true,
    site: 'tracker.example',
  });
  for (const host of ['127.0.0.1:9000', 'localhost:9000', '[::1]:9000'])
    expect(judgeInviteOpening(`http://${host}/murmur/invite`, false)).toEqual({
      ok: true,
      site: host,
    });
});

it('refuses an invite reached through a redirect, even over https', () => {
  expect(judgeInviteOpening('https://tracker.example/murmur/invite', true)).toEqual({
    ok: false,
    reason: 'redirected',
    site: 'tracker.example',
  });
});

it('refuses plain http off this computer, where anyone on the path can rewrite the page', () => {
  for (const host of ['203.0.113.10:9000', 'tracker.example', '127.example', '10.0.0.1'])
    expect(judgeInviteOpening(`http://${host}/murmur/invite`, false)).toMatchObject({
      ok: false,
      reason: 'insecure',
    });
  expect(judgeInviteOpening('not a url', false)).toMatchObject({ ok: false });
});
