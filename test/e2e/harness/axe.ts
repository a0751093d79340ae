/**
 * axe-core's accessibility rules (WCAG 2.2 A and AA, and best practice) run on what a page shows
 * now, in either browser. axe is installed by the test driver, not shipped in the extension.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ExtensionPage } from '../../../tools/browsers/extension-page';

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export interface AxeReport {
  /** Rules that passed on at least one element: proof that axe saw the screen. */
  passes: number;
  /** One line per broken rule: its id, what it asks and where (up to three elements). */
  violations: string[];
}

export async function axeCheck(page: ExtensionPage): Promise<AxeReport> {
  if (!(await page.evaluate(() => 'axe' in globalThis, null)))
    await page.evaluateSource(AXE_SOURCE);
  return page.evaluate(async () => {
    interface AxeResult {
      id: string;
      help: string;
      nodes: { target: unknown[]; failureSummary?: string }[];
    }
    const axe = (
      globalThis as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{ passes: AxeResult[]; violations: AxeResult[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
      resultTypes: ['violations'],
    });
    return {
      passes: result.passes.length,
      violations: result.violations.map(
        (v) =>
          `${v.id}: ${v.help} — ${v.nodes
            .slice(0, 3)
            .map(
              (n) =>
                `${n.target.join(' ')}${n.failureSummary ? ` (${n.failureSummary.replace(/\s+/g, ' ').slice(0, 160)})` : ''}`,
            )
            .join('; ')}`,
      ),
    };
  }, null);
}
