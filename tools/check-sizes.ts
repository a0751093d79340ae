/**
 * `npm run check` fails on a source file longer than 300 lines: past that, split it by concept
 * (never by squeezing lines). Product code, the tracker, tools and tests alike.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './build';

export const MAX_LINES = 300;
const ROOTS = ['src', 'home', 'signaling-server', 'tools', 'test'];

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourcesUnder(path);
    return /\.(ts|tsx|js)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Files longer than the limit, with their line counts. */
export function oversized(files: Record<string, string>): [string, number][] {
  return Object.entries(files)
    .map(([path, text]): [string, number] => [
      path,
      text.split('\n').length - (text.endsWith('\n') ? 1 : 0),
    ])
    .filter(([, lines]) => lines > MAX_LINES);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = Object.fromEntries(
    ROOTS.flatMap((dir) => sourcesUnder(join(ROOT, dir))).map((path) => [
      relative(ROOT, path),
      readFileSync(path, 'utf8'),
    ]),
  );
  const tooLong = oversized(files);
  for (const [path, lines] of tooLong)
    console.error(`${path}: ${lines} lines (at most ${MAX_LINES}: split it by concept)`);
  if (tooLong.length) process.exit(1);
  console.log(`no file over ${MAX_LINES} lines`);
}
