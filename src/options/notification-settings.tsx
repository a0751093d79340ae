/** Options › Notifications: desktop notifications for new messages, on or off. */
import { useEffect, useState } from 'preact/hooks';
import { background } from '../ui/background-client';
import { t } from '../ui/i18n';
import { LabelledCheckbox } from '../ui/labelled-checkbox';

export function NotificationSettings() {
  const [enabled, setEnabled] = useState<boolean | null>(null);
  useEffect(() => {
    void background.request('settings.notifications.get', {}).then(setEnabled);
  }, []);
  const toggle = async (value: boolean) => {
    setEnabled(await background.request('settings.notifications.set', { enabled: value }));
  };
  return (
    <section aria-labelledby="notifications-heading">
      <h2 id="notifications-heading">{t('optionsNotifications')}</h2>
      <LabelledCheckbox
        id="notifications"
        checked={enabled ?? false}
        disabled={enabled === null}
        onChange={(v) => void toggle(v)}
      >
        {t('optionsNotificationsLabel')}
      </LabelledCheckbox>
    </section>
  );
}
