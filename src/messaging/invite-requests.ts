/**
 * What the invite-page content script may send (channel `invite`): one request, the card read
 * from the page's fragment at document_start and whether the page's navigation was redirected.
 * An untrusted context: the card is bounded here and read again by Murmur, the page's address
 * is taken from the browser's report of the sender, and the reply is an empty acknowledgement —
 * the page never learns what the user does.
 */
import { isBoolean, isObject, isString } from '../core/guard';
import { defineRequest, type RequestMap } from './request-map';

export const inviteRequests = {
  /** An invite link was opened in this tab: Murmur asks, in its own tab, whether to add them. */
  'invite.open': defineRequest<Record<string, never>>()(
    isObject({ card: isString({ min: 8, max: 16_384 }), redirected: isBoolean }),
  ),
} satisfies RequestMap;

export type InviteRequests = typeof inviteRequests;
