/**
 * The setting of a browser test: a tracker, the people in it, a scratch folder — all taken
 * down after the suite. Call `scene()` inside `describe`; it registers the clean-up.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { BrowserKind, ExtensionPage } from '../../../tools/browsers/extension-page';
import { Person } from './person';
import { startTrackerProcess, type TrackerProcess } from './tracker-process';

export interface Scene {
  tracker: TrackerProcess;
  /** A folder for files the test writes (backups, pictures), removed afterwards. */
  scratch: string;
}

export function scene(label: string) {
  const people: Person[] = [];
  let tracker: TrackerProcess | undefined;
  let scratch = '';
  afterAll(async () => {
    await Promise.all(people.map((p) => p.dispose()));
    await tracker?.stop();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });
  return {
    async start(): Promise<Scene> {
      tracker = await startTrackerProcess();
      scratch = await mkdtemp(join(tmpdir(), `murmur-${label}-`));
      return { tracker, scratch };
    },
    person(name: string, kind: BrowserKind, prefs?: Record<string, string | number | boolean>) {
      const person = new Person(name, kind, prefs);
      people.push(person);
      return person;
    },
  };
}

/** Waits until the element's text contains `text` (a friend's message arriving, say). */
export const waitForText = (
  page: ExtensionPage,
  selector: string,
  text: string,
  timeoutMs = 20_000,
) =>
  page.waitFor(
    ([sel, want]) => document.querySelector(sel)?.textContent?.includes(want) ?? false,
    [selector, text] as const,
    timeoutMs,
  );
