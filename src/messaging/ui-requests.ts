/** Requests the popup and options pages send to the background (channel `ui`). */
import { isEmpty } from '../core/guard';
import { defineRequest, type RequestMap } from './request-map';
import { isNetworkSettings, type NetworkSettings } from './settings';
import type { BackgroundStatus } from './status';

export const uiRequests = {
  status: defineRequest<BackgroundStatus>()(isEmpty),
  'settings.network.get': defineRequest<NetworkSettings>()(isEmpty),
  'settings.network.set': defineRequest<NetworkSettings>()(isNetworkSettings),
} satisfies RequestMap;

export type UiRequests = typeof uiRequests;
