/** How the background reaches its network host, whichever context that lives in. */
import type { Client } from '../messaging/client';
import type { HostRequests } from '../messaging/host-requests';
import type { HostContext } from '../messaging/status';

export interface HostPort {
  context: HostContext;
  /** Makes sure the host exists (Chromium: creates the offscreen document if missing). */
  ensure(): Promise<void>;
  client: Client<HostRequests>;
}
