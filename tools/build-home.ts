/**
 * Bundles the Murmur home into one file, dist/home/murmur-node.mjs, that plain `node` runs
 * (the `murmur-node` bin, `npm run home`, the systemd unit). Native parts (better-sqlite3,
 * node-datachannel) and ws stay outside, loaded from node_modules; PeerJS is bundled from
 * its ES module build, which Node's own loader would not pick.
 */
import { build } from 'esbuild';
import { chmod } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { HOME_NODE_FLAGS } from '../home/node-flags';

const ROOT = resolve(import.meta.dirname, '..');
export const HOME_BUNDLE = join(ROOT, 'dist', 'home', 'murmur-node.mjs');

/**
 * Bundles a Node entry that loads the transport (the home, benchmarks of it) into one ES module
 * that plain `node` runs; returns the file.
 */
export async function bundleForNode(
  entry: string,
  outfile: string,
  nodeFlags: readonly string[] = [],
): Promise<string> {
  // `env -S` splits the line, so the file runs with its flags wherever it is started from.
  const shebang = nodeFlags.length
    ? `#!/usr/bin/env -S node ${nodeFlags.join(' ')}`
    : '#!/usr/bin/env node';
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    mainFields: ['module', 'main'],
    external: [
      'better-sqlite3',
      'node-datachannel',
      'ws',
      'bufferutil',
      'utf-8-validate',
      'esbuild',
    ],
    // Bundled CommonJS code calls require(); an ES module has none of its own.
    banner: {
      js: `${shebang}\nimport { createRequire as murmurRequire } from 'node:module';\nconst require = murmurRequire(import.meta.url);`,
    },
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  await chmod(outfile, 0o755);
  return outfile;
}

export const buildHome = (): Promise<string> =>
  bundleForNode(join(ROOT, 'home', 'cli.ts'), HOME_BUNDLE, HOME_NODE_FLAGS);

if (import.meta.url === `file://${process.argv[1]}`) await buildHome();
