/**
 * Tracker configuration from flags and environment (flags win):
 *   --host / MURMUR_TRACKER_HOST   (default 127.0.0.1)
 *   --port / MURMUR_TRACKER_PORT   (default 9000; 0 picks a free port)
 *   --path / MURMUR_TRACKER_PATH   (default /murmur)
 */
export interface TrackerConfig {
  host: string;
  port: number;
  path: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function parseTrackerConfig(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): TrackerConfig {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const match = /^--(host|port|path)(?:=(.*))?$/.exec(arg);
    if (!match) throw new ConfigError(`unknown argument ${arg} (known: --host, --port, --path)`);
    const value = match[2] ?? argv[++i];
    if (value === undefined) throw new ConfigError(`${arg} needs a value`);
    flags.set(match[1]!, value);
  }
  const host = flags.get('host') ?? env.MURMUR_TRACKER_HOST ?? '127.0.0.1';
  const portText = flags.get('port') ?? env.MURMUR_TRACKER_PORT ?? '9000';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`port must be 0..65535, got ${portText}`);
  let path = flags.get('path') ?? env.MURMUR_TRACKER_PATH ?? '/murmur';
  if (!path.startsWith('/')) path = `/${path}`;
  if (!/^\/[\w\-/]*$/.test(path))
    throw new ConfigError(`path may hold only letters, digits, - _ /`);
  return { host, port, path };
}
