/**
 * Runs a benchmark that loads the transport (PeerJS) under plain `node`, bundled as the home
 * is (tools/build-home.ts): Node's own loader would pick PeerJS's CommonJS build, whose named
 * exports it cannot see. `tsx tools/bench/bundled.ts home -- args` runs tools/bench/home.ts.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { buildHome, bundleForNode } from '../build-home';

const ROOT = resolve(import.meta.dirname, '..', '..');
const [name, ...args] = process.argv.slice(2);
if (!name || !/^[a-z-]+$/.test(name)) {
  console.error('usage: tsx tools/bench/bundled.ts <bench name> [args]');
  process.exit(2);
}
const file = await bundleForNode(
  join(ROOT, 'tools', 'bench', `${name}.ts`),
  join(ROOT, 'dist', 'bench', `${name}.mjs`),
);
// A benchmark of the home runs the program as users do: the bundled murmur-node.
const env = { ...process.env, MURMUR_HOME_BUNDLE: await buildHome() };
const child = spawn(process.execPath, [file, ...args], { stdio: 'inherit', env });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
