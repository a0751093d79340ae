/** How the background reaches its network host, whichever context that lives in. */
import type { Client } from '../messaging/client';
import type { HostRequests } from '../messaging/host-requests';
import type { HostContext } from '../messaging/status';

export interface HostPort {
  context: HostContext;
  /**
   * Makes sure the host exists (Chromium: creates the offscreen document if missing).
   * True when this call created it: a new host knows nothing yet and must be configured.
   */
  ensure(): Promise<boolean>;
  client: Client<HostRequests>;
}
