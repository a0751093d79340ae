/**
 * A screen passes axe-core with no violations, or the test fails naming each one. Called on
 * every screen of the flows, in both browsers.
 */
import { expect } from 'vitest';
import type { ExtensionPage } from '../../../tools/browsers/extension-page';
import { axeCheck } from './axe';

export async function expectAccessible(page: ExtensionPage, screen: string): Promise<void> {
  const report = await axeCheck(page);
  // axe must have checked something, or "no violations" would prove nothing.
  expect(report.passes, `${screen}: axe found nothing to check`).toBeGreaterThan(5);
  expect(report.violations, `${screen}: axe-core violations`).toEqual([]);
}
