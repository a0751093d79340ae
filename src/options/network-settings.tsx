/** Options › Network: which trackers Murmur registers with, and the ICE (STUN/TURN) servers. */
import { useEffect, useState } from 'preact/hooks';
import type { NetworkSettings } from '../messaging/settings';
import { background } from '../ui/background-client';
import { t } from '../ui/i18n';
import { Notice } from '../ui/notice';
import { useSubmit } from '../ui/use-submit';
import { LabelledCheckbox } from '../ui/labelled-checkbox';
import { ConnectionTest } from './connection-test-view';
import { iceServersFromText, iceServersToText } from './ice-servers-text';
import { errorText } from '../ui/error-text';
import { TrackerSitesSection } from './tracker-sites-section';

/** A ws:// tracker is fine on this computer; anywhere else the signalling is readable. */
const insecure = (url: string) => {
  try {
    const { protocol, hostname } = new URL(url);
    const loopback = /^(127\.|localhost$|\[::1\]$)/.test(hostname);
    return protocol === 'ws:' && !loopback;
  } catch {
    return false;
  }
};

export function NetworkSettingsForm() {
  const [settings, setSettings] = useState<NetworkSettings | null>(null);
  const [text, setText] = useState('');
  const [ice, setIce] = useState('');
  const [hideAddress, setHideAddress] = useState(false);
  const save = useSubmit(
    async () => {
      if (!settings) return;
      const trackers = text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
      const iceServers = iceServersFromText(ice);
      setSettings(
        await background.request('settings.network.set', { trackers, iceServers, hideAddress }),
      );
      return t('optionsSaved');
    },
    (error) => t('optionsInvalid', errorText(error)),
  );

  useEffect(() => {
    void background.request('settings.network.get', {}).then((loaded) => {
      setSettings(loaded);
      setText(loaded.trackers.join('\n'));
      setIce(iceServersToText(loaded.iceServers));
      setHideAddress(loaded.hideAddress === true);
    });
  }, []);

  return (
    <>
      <form onSubmit={save.onSubmit} aria-labelledby="network-heading">
        <h2 id="network-heading">{t('optionsNetwork')}</h2>
        <label for="trackers">{t('optionsTrackers')}</label>
        <br />
        <textarea
          id="trackers"
          rows={3}
          cols={50}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        {(settings?.trackers ?? []).filter(insecure).map((url) => (
          <p key={url} class="warning" role="note">
            {t('optionsInsecureTracker', url)}
          </p>
        ))}
        <br />
        <label for="ice-servers">{t('optionsIceServers')}</label>
        <br />
        <textarea
          id="ice-servers"
          rows={2}
          cols={50}
          placeholder="stun:stun.example.org:3478"
          value={ice}
          onInput={(e) => setIce(e.currentTarget.value)}
        />
        <br />
        <LabelledCheckbox id="hide-address" checked={hideAddress} onChange={setHideAddress}>
          {t('optionsHideAddress')}
        </LabelledCheckbox>
        <p class="muted">{t('optionsHideAddressHelp')}</p>
        <button type="submit" disabled={save.busy || !settings}>
          {t('optionsSave')}
        </button>
        <Notice notice={save.notice} />
      </form>
      <TrackerSitesSection trackers={settings?.trackers ?? []} />
      <ConnectionTest />
    </>
  );
}
