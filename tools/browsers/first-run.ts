/**
 * Murmur's first run as a person goes through it (tests and benchmarks): the name, "Next", an
 * optional passphrase, "Start Murmur", then past the invite step with "Go to Murmur" to the
 * Friends screen. `atStep` sees each step's page (for screenshots and checks).
 */
import type { ExtensionPage } from './extension-page';

type Step = 'name' | 'passphrase' | 'invite';

export async function startMurmur(
  page: ExtensionPage,
  name: string,
  passphrase = '',
  atStep: (step: Step) => Promise<void> = async () => undefined,
): Promise<void> {
  await page.waitFor(() => !!document.querySelector('#display-name'), null);
  await atStep('name');
  await page.fill('#display-name', name);
  await page.clickButton('Next');
  await page.waitFor(() => !!document.querySelector('#first-passphrase'), null);
  await atStep('passphrase');
  if (passphrase) await page.fill('#first-passphrase', passphrase);
  await page.clickButton('Start Murmur');
  await page.waitFor(
    () => [...document.querySelectorAll('button')].some((b) => b.textContent === 'Go to Murmur'),
    null,
    20_000,
  );
  await atStep('invite');
  await page.clickButton('Go to Murmur');
  await page.waitFor(() => !!document.querySelector('#my-card'), null, 20_000);
}
