/**
 * Where the invite content script may run: the default tracker's invite page from install, and
 * the invite pages of a site the person allowed — one exact host, never a wildcard.
 */
import { describe, expect, it } from 'vitest';
import {
  invitePagePattern,
  invitePatternOnSite,
  matchesPattern,
  trackerSiteOf,
} from '../../../src/core/identity/invite-match';

describe('invite page patterns', () => {
  it('names a tracker’s invite pages and the site to allow, on any port', () => {
    expect(invitePagePattern('ws://127.0.0.1:9000/murmur')).toBe('http://127.0.0.1/murmur/invite*');
    expect(invitePagePattern('wss://tracker.example:8443/m/')).toBe(
      'https://tracker.example/m/invite*',
    );
    expect(trackerSiteOf('wss://tracker.example:8443/m/')).toBe('https://tracker.example/*');
    expect(trackerSiteOf('ws://localhost:4000/murmur')).toBe('http://localhost/*');
    expect(trackerSiteOf('not a tracker')).toBeNull();
  });

  it('on an allowed site, runs on pages whose path ends in "invite", and on no wildcard site', () => {
    const pattern = invitePatternOnSite('https://tracker.example/*');
    expect(pattern).toBe('https://tracker.example/*invite');
    if (!pattern) throw new Error('no pattern');
    expect(matchesPattern('https://tracker.example/murmur/invite#murmur1.x', pattern)).toBe(true);
    expect(matchesPattern('https://tracker.example/invite', pattern)).toBe(true);
    expect(matchesPattern('https://tracker.example/murmur/inbox', pattern)).toBe(false);
    expect(matchesPattern('https://other.example/murmur/invite', pattern)).toBe(false);
    expect(matchesPattern('http://tracker.example/murmur/invite', pattern)).toBe(false);
    for (const wide of ['<all_urls>', '*://*/*', 'https://*/*', 'https://*.example/*', 'file:///*'])
      expect(invitePatternOnSite(wide)).toBeNull();
  });

  it('matches the manifest’s pattern for the default tracker on every port, nothing else', () => {
    const pattern = 'http://127.0.0.1/murmur/invite*';
    expect(matchesPattern('http://127.0.0.1:9000/murmur/invite', pattern)).toBe(true);
    expect(matchesPattern('http://127.0.0.1:41234/murmur/invite', pattern)).toBe(true);
    expect(matchesPattern('http://localhost:9000/murmur/invite', pattern)).toBe(false);
    expect(matchesPattern('http://127.0.0.1/other/invite', pattern)).toBe(false);
    expect(matchesPattern('not a url', pattern)).toBe(false);
  });
});
