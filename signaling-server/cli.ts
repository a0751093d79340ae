/**
 * `npm run tracker`: runs the tracker in the foreground, one JSON line per event on stdout,
 * and stops cleanly on SIGINT/SIGTERM (exit 0). `--help` lists every option.
 */
import { ConfigError, parseTrackerConfig, TRACKER_HELP } from './config';
import { startTracker } from './tracker';

// A log line must never stop the tracker: a reader of stdout that went away (a closed pipe,
// EPIPE) only means nobody reads the log any more.
let logOpen = true;
process.stdout.on('error', () => (logOpen = false));
const print = (line: object) => {
  if (logOpen) process.stdout.write(`${JSON.stringify(line)}\n`);
};

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(TRACKER_HELP);
  process.exit(0);
}

try {
  const config = parseTrackerConfig(process.argv.slice(2), process.env);
  const tracker = await startTracker(config, print);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    print({ event: 'stopping', signal });
    tracker.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`murmur tracker: ${error.message}`);
    process.exit(2);
  }
  throw error;
}
