/**
 * `npm run check` fails on an import cycle among our own modules. A cycle makes load order
 * decide what a module sees (an import may still be undefined when it runs), and it usually
 * means two rooms each think they own a concept. esbuild resolves imports exactly as the build
 * does; type-only imports are erased there and cannot cycle at run time, so they do not count.
 */
import { build } from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './build';

const ROOTS = ['src', 'signaling-server', 'tools'];

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourcesUnder(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every import cycle, each once, as a list of files (Tarjan's strongly connected components). */
export function cyclesIn(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let next = 0;
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(to) ?? 0));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node) ?? 0, index.get(to) ?? 0));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    for (;;) {
      const member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
      if (member === node) break;
    }
    const selfImport = graph.get(node)?.includes(node) ?? false;
    if (component.length > 1 || selfImport) cycles.push(component.reverse());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

export async function importGraph(): Promise<Map<string, string[]>> {
  const entryPoints = ROOTS.flatMap((dir) => sourcesUnder(join(ROOT, dir)));
  const result = await build({
    entryPoints,
    bundle: true,
    write: false,
    metafile: true,
    packages: 'external',
    platform: 'neutral',
    format: 'esm',
    outdir: join(ROOT, 'dist', 'cycles'),
    absWorkingDir: ROOT,
    logLevel: 'silent',
    jsx: 'automatic',
    jsxImportSource: 'preact',
  });
  const graph = new Map<string, string[]>();
  for (const [file, input] of Object.entries(result.metafile.inputs))
    graph.set(
      file,
      input.imports.filter((i) => !i.external).map((i) => relative(ROOT, join(ROOT, i.path))),
    );
  return graph;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const cycles = cyclesIn(await importGraph());
  for (const cycle of cycles) console.error(`import cycle: ${[...cycle, cycle[0]].join(' → ')}`);
  if (cycles.length) process.exit(1);
  console.log('no import cycles');
}
