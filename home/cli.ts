/**
 * `murmur-node` (`npm run home -- --data DIR`): runs a Murmur home in the foreground until
 * SIGTERM or SIGINT. Loads WebRTC for Node before anything that loads PeerJS.
 */
import './webrtc-globals';
import { join } from 'node:path';
import { lockDataDir, DataLockedError } from './data-lock';
import { HOME_HELP, HomeConfigError, parseHomeConfig } from './home-config';
import { startHome } from './home-host';
import { stdoutLog } from './home-log';
import { openHomeDatabase, DatabaseVersionError } from './sqlite-database';

// The database and its lock are this user's alone, whatever the folder's permissions.
process.umask(0o077);
const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(`${HOME_HELP}\n`);
  process.exit(0);
}

const log = stdoutLog();
try {
  const config = parseHomeConfig(args);
  const release = lockDataDir(config.dataDir);
  const db = openHomeDatabase(join(config.dataDir, 'home.db'));
  const pairingLinkFile = join(config.dataDir, 'pairing-link');
  const home = await startHome({ db, ...config, pairingLinkFile, log });
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log({ event: 'stopping', signal });
    home
      .stop()
      .then(() => {
        release();
        log({ event: 'stopped' });
        process.exit(0);
      })
      .catch((error: unknown) => {
        log({ event: 'failed', error: error instanceof Error ? error.name : 'unknown' });
        process.exit(1);
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
} catch (error) {
  if (error instanceof HomeConfigError) {
    console.error(`murmur-node: ${error.message}`);
    process.exit(2);
  }
  if (error instanceof DataLockedError || error instanceof DatabaseVersionError) {
    console.error(`murmur-node: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
