import { describe, expect, it } from 'vitest';
import { isNetworkSettings } from '../../../src/messaging/settings';
import { iceServersFromText, iceServersToText } from '../../../src/options/ice-servers-text';

describe('ICE servers as typed in Options › Network', () => {
  it('reads STUN and TURN lines, and the background accepts them', () => {
    const servers = iceServersFromText(
      '  stun:stun.example.org:3478\n\nturn:turn.example.org:3478  ann  s3cret \n',
    );
    expect(servers).toEqual([
      { urls: 'stun:stun.example.org:3478' },
      { urls: 'turn:turn.example.org:3478', username: 'ann', credential: 's3cret' },
    ]);
    expect(iceServersFromText(iceServersToText(servers))).toEqual(servers);
    expect(isNetworkSettings({ trackers: [], iceServers: servers }).ok).toBe(true);
  });

  it('a line that is not a STUN/TURN address is refused by the background', () => {
    const servers = iceServersFromText('http://not-ice.example');
    expect(isNetworkSettings({ trackers: [], iceServers: servers }).ok).toBe(false);
  });
});
