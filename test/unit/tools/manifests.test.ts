import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveManifest, GECKO_ID } from '../../../tools/manifests';

const source = JSON.parse(readFileSync('manifest.json', 'utf8')) as Record<string, unknown>;

describe('per-browser manifests', () => {
  it('Chromium gets a service worker and the offscreen permission', () => {
    const m = deriveManifest(source, 'chromium', '1.2.3');
    expect(m.background).toEqual({ service_worker: 'background.js' });
    expect(m.permissions).toContain('offscreen');
    expect(m.browser_specific_settings).toBeUndefined();
    expect(m.version).toBe('1.2.3');
  });

  it('Firefox gets background scripts, a gecko id and a CSP that allows ws:// trackers', () => {
    const m = deriveManifest(source, 'firefox', '1.2.3');
    expect(m.background).toEqual({ scripts: ['background.js'] });
    expect(m.permissions).not.toContain('offscreen');
    expect(m.browser_specific_settings).toMatchObject({ gecko: { id: GECKO_ID } });
    // Firefox's default MV3 CSP adds upgrade-insecure-requests, which breaks ws://127.0.0.1.
    const csp = (m.content_security_policy as { extension_pages: string }).extension_pages;
    expect(csp).not.toContain('upgrade-insecure-requests');
  });

  it('runs the invite content script only on the default tracker’s invite page, on any port', () => {
    for (const target of ['chromium', 'firefox'] as const) {
      const scripts = deriveManifest(source, target, '1.0.0').content_scripts as {
        matches: string[];
        js: string[];
      }[];
      expect(scripts.find((s) => s.js.includes('invite.js'))?.matches).toEqual([
        'http://127.0.0.1/murmur/invite*',
      ]);
      const store = deriveManifest(source, target, '1.0.0', 'wss://tracker.example:8443/m/');
      expect(JSON.stringify(store.content_scripts)).toContain(
        '"https://tracker.example/m/invite*"',
      );
    }
  });

  it('asks for no website at install: another tracker’s site only when the person allows it', () => {
    for (const target of ['chromium', 'firefox'] as const) {
      const m = deriveManifest(source, target, '1.0.0');
      expect(m.host_permissions).toBeUndefined();
      expect(m.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
      // Neither grants a site: they act only where the person allowed Murmur.
      expect(m.permissions).toContain('scripting');
      expect(m.permissions).toContain('webRequest');
      for (const broad of ['tabs', 'webNavigation', 'webRequestBlocking', '<all_urls>'])
        expect(m.permissions).not.toContain(broad);
    }
  });

  it('does not change the source object', () => {
    const before = JSON.stringify(source);
    deriveManifest(source, 'chromium', '9.9.9');
    expect(JSON.stringify(source)).toBe(before);
  });
});
