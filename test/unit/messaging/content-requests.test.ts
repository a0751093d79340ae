import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeSender } from '../../../src/background/sender';
import { contentRequests } from '../../../src/messaging/content-requests';

const post = {
  text: 'At the crag today',
  thumbnails: [{ type: 'jpeg', width: 320, height: 200, data: 'AAEC' }],
  publishedAt: 1_795_000_000_000,
};
const check = (type: keyof typeof contentRequests, payload: unknown) =>
  contentRequests[type].request(payload, 'payload');

describe('what the Facebook content script may send', () => {
  it('accepts a post of the right shape and size, and nothing else', () => {
    expect(check('mirror.post', post).ok).toBe(true);
    // The answer to "share?" is not the page's to give: there is no such request here.
    expect(Object.keys(contentRequests).sort()).toEqual(['mirror.post', 'mirror.unrecognised']);
    const refused = [
      { ...post, text: '' },
      { ...post, text: 'x'.repeat(16 * 1024 + 1) },
      { ...post, thumbnails: Array(5).fill(post.thumbnails[0]) },
      { ...post, thumbnails: [{ ...post.thumbnails[0], data: 'A'.repeat(87_383) }] },
      { ...post, thumbnails: [{ ...post.thumbnails[0], type: 'svg' }] },
      { ...post, thumbnails: [{ ...post.thumbnails[0], data: '<script>' }] },
      { ...post, thumbnails: [{ ...post.thumbnails[0], width: 4096 }] },
      { ...post, audience: 'all-friends' }, // not part of a plain post
      { ...post, publishedAt: -1 },
    ];
    for (const payload of refused) expect(check('mirror.post', payload).ok).toBe(false);
    expect(check('mirror.unrecognised', { reason: 'no text box', host: 'evil.example' }).ok).toBe(
      false,
    );
  });

  it('fuzz: arbitrary payloads are refused with a reason, never a throw', () => {
    fc.assert(
      fc.property(fc.anything(), (payload) => {
        for (const type of Object.keys(contentRequests) as (keyof typeof contentRequests)[]) {
          const r = check(type, payload);
          if (!r.ok) expect(r.reason).toMatch(/payload/);
        }
      }),
    );
  });

  it('counts as Facebook only a content script on https://www|web|m.facebook.com', () => {
    const origin = 'chrome-extension://abc/';
    const from = (url: string) =>
      describeSender({ url, tab: { index: 0 } as never, id: 'abc' }, origin);
    for (const url of [
      'https://www.facebook.com/',
      'https://m.facebook.com/home',
      'https://web.facebook.com/x',
    ])
      expect(from(url)).toMatchObject({ fromContentScript: true, onFacebook: true });
    for (const url of [
      'http://www.facebook.com/',
      'https://facebook.com.evil.example/',
      'https://evil.example/?https://www.facebook.com/',
      'https://business.facebook.com/',
    ])
      expect(from(url).onFacebook).toBe(false);
    expect(describeSender({ url: `${origin}popup.html`, id: 'abc' }, origin)).toMatchObject({
      fromExtensionPage: true,
      fromContentScript: false,
      onFacebook: false,
    });
  });

  it('counts as an invite page only a content script on an http(s) page named invite', () => {
    const origin = 'chrome-extension://abc/';
    const from = (url: string) =>
      describeSender({ url, tab: { index: 0 } as never, id: 'abc' }, origin);
    expect(from('http://127.0.0.1:9000/murmur/invite#murmur1.x')).toMatchObject({
      fromContentScript: true,
      onInvitePage: true,
      onFacebook: false,
    });
    for (const url of [
      'https://www.facebook.com/',
      'https://tracker.example/murmur/invites',
      'https://tracker.example/murmur/?/invite',
      'file:///home/me/invite',
    ])
      expect(from(url).onInvitePage).toBe(false);
  });
});
