/**
 * ICE servers as people type them in Options › Network, one per line:
 *   stun:stun.example.org:3478
 *   turn:turn.example.org:3478 username credential
 * The background validates the result like any other settings.
 */
import type { IceServer } from '../messaging/settings';

export function iceServersFromText(text: string): IceServer[] {
  return text
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .flatMap(([urls, username, credential]) =>
      urls
        ? [{ urls, ...(username ? { username } : {}), ...(credential ? { credential } : {}) }]
        : [],
    );
}

export function iceServersToText(servers: IceServer[]): string {
  return servers
    .map((s) => [s.urls, s.username, s.credential].filter(Boolean).join(' '))
    .join('\n');
}
