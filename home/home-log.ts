/**
 * The home's log: one JSON line per event on stdout (journald keeps them under systemd). No
 * line carries content, keys, peer ids or addresses: what happened, and counts.
 */
export type HomeLogLine =
  | { event: 'started'; identity: 'created' | 'kept' }
  | {
      event: 'tracker';
      tracker: number;
      state: 'connecting' | 'connected' | 'down';
      failures: number;
    }
  | { event: 'friends-linked'; count: number }
  | { event: 'carrying'; count: number; bytes: number }
  | { event: 'pairing-link'; expiresAt: string }
  | { event: 'paired' }
  | { event: 'released' }
  | { event: 'stopping'; signal: string }
  | { event: 'stopped' }
  | { event: 'failed'; error: string };

export type HomeLog = (line: HomeLogLine) => void;

/**
 * Lines on stdout. A log line must never stop the home: a reader of stdout that went away (a
 * closed pipe, EPIPE) only means nobody reads the log any more.
 */
export function stdoutLog(now: () => number = Date.now): HomeLog {
  let open = true;
  process.stdout.on('error', () => (open = false));
  return (line) => {
    if (open)
      process.stdout.write(`${JSON.stringify({ at: new Date(now()).toISOString(), ...line })}\n`);
  };
}
