/**
 * `npm run build`: bundles every context for both browsers into dist/<browser>/.
 * One IIFE per context, no code splitting (service workers cannot import() dynamically),
 * readable output with linked source maps.
 */
import { build, type BuildOptions } from 'esbuild';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { deriveManifest, type BrowserTarget } from './manifests';
import { drawIcon } from './icons';

export const ROOT = resolve(import.meta.dirname, '..');
export const DIST = join(ROOT, 'dist');

const ENTRIES: Record<BrowserTarget, Record<string, string>> = {
  chromium: {
    background: 'src/background/chromium.ts',
    offscreen: 'src/offscreen/index.ts',
    popup: 'src/popup/index.tsx',
    murmur: 'src/tab/index.tsx',
    options: 'src/options/index.tsx',
    share: 'src/share/index.tsx',
    content: 'src/content/index.ts',
    invite: 'src/content/invite.ts',
  },
  firefox: {
    background: 'src/background/firefox.ts',
    popup: 'src/popup/index.tsx',
    murmur: 'src/tab/index.tsx',
    options: 'src/options/index.tsx',
    share: 'src/share/index.tsx',
    content: 'src/content/index.ts',
    invite: 'src/content/invite.ts',
  },
};

const PAGES: Record<BrowserTarget, string[]> = {
  chromium: [
    'src/popup/popup.html',
    'src/tab/murmur.html',
    'src/options/options.html',
    'src/share/share.html',
    'src/offscreen/offscreen.html',
  ],
  firefox: [
    'src/popup/popup.html',
    'src/tab/murmur.html',
    'src/options/options.html',
    'src/share/share.html',
  ],
};

export interface BuildSettings {
  /** The tracker a fresh install uses (store builds); development builds use the local one. */
  defaultTracker?: string;
  /** Where to write <browser>/ folders (default dist/). */
  dist?: string;
}

async function buildTarget(
  target: BrowserTarget,
  version: string,
  settings: BuildSettings,
): Promise<void> {
  const outdir = join(settings.dist ?? DIST, target);
  await rm(outdir, { recursive: true, force: true });
  await mkdir(join(outdir, 'icons'), { recursive: true });

  const options: BuildOptions = {
    entryPoints: ENTRIES[target],
    outdir,
    bundle: true,
    format: 'iife',
    splitting: false,
    minify: false,
    sourcemap: 'linked',
    target: target === 'chromium' ? ['chrome116'] : ['firefox142'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'warning',
    absWorkingDir: ROOT,
    define: settings.defaultTracker
      ? { MURMUR_DEFAULT_TRACKER: JSON.stringify(settings.defaultTracker) }
      : {},
  };
  await build(options);

  const source = JSON.parse(await readFile(join(ROOT, 'manifest.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  await writeFile(
    join(outdir, 'manifest.json'),
    JSON.stringify(deriveManifest(source, target, version, settings.defaultTracker), null, 2),
  );
  for (const page of PAGES[target]) {
    await cp(join(ROOT, page), join(outdir, basename(page)));
  }
  // One stylesheet for every page, its @imports bundled.
  await build({
    entryPoints: { theme: join(ROOT, 'src/ui/styles/theme.css') },
    outdir,
    bundle: true,
    logLevel: 'warning',
  });
  await cp(join(ROOT, 'src/_locales'), join(outdir, '_locales'), { recursive: true });
  for (const size of [16, 32, 48, 128]) {
    await writeFile(join(outdir, 'icons', `${size}.png`), drawIcon(size));
  }
}

export async function buildAll(settings: BuildSettings = {}): Promise<void> {
  const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  await Promise.all([
    buildTarget('chromium', pkg.version, settings),
    buildTarget('firefox', pkg.version, settings),
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = performance.now();
  await buildAll();
  console.log(
    `built dist/chromium and dist/firefox in ${Math.round(performance.now() - started)} ms`,
  );
}
