/**
 * How far an own message got, in words about people: "Delivered", "Sending…", "Waiting for Cat
 * to come online · Ben is carrying it", "Waiting at Cat's home · Your home is carrying it".
 * Names are listed up to three (the way the language joins them); beyond that, counted.
 */
import type { DeliveryView } from '../messaging/views';
import { t } from './i18n';
import { nameList } from './name-list';

const MAX_NAMES = 3;

export function deliveryText(d: DeliveryView): string {
  if (d.state === 'delivered')
    return d.recipients > 1 ? t('deliveredAll', String(d.recipients)) : t('deliveryDelivered');
  if (d.state === 'expired') return t('deliveryExpired', String(d.delivered), String(d.recipients));
  const parts: string[] = [];
  if (d.delivered > 0) parts.push(t('deliveredSome', String(d.delivered), String(d.recipients)));
  if (d.waitingFor.length > MAX_NAMES)
    parts.push(t('waitingForCount', String(d.waitingFor.length)));
  else if (d.waitingFor.length > 0) parts.push(t('waitingForNames', nameList(d.waitingFor)));
  else if (d.sending > 0) parts.push(t('deliverySending'));
  if (d.atTheirHome.length > MAX_NAMES)
    parts.push(t('waitingAtHomesCount', String(d.atTheirHome.length)));
  else if (d.atTheirHome.length === 1) parts.push(t('waitingAtHome', d.atTheirHome[0] ?? ''));
  else if (d.atTheirHome.length > 1) parts.push(t('waitingAtHomes', nameList(d.atTheirHome)));
  if (d.atMyHome) parts.push(t('carriedByMyHome'));
  if (d.carriedBy.length === 1) parts.push(t('carriedByOne', d.carriedBy[0] ?? ''));
  else if (d.carriedBy.length > MAX_NAMES)
    parts.push(t('carriedByCount', String(d.carriedBy.length)));
  else if (d.carriedBy.length > 1) parts.push(t('carriedByNames', nameList(d.carriedBy)));
  return parts.join(' · ') || t('deliverySending');
}
