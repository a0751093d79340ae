/** The people of the popup flow (ui-flow.ts) and one named step of it. */
import type { ExtensionBrowser, ExtensionPage } from '../../../tools/browsers/extension-page';

export interface UiScene {
  alice: ExtensionBrowser;
  bob: ExtensionBrowser;
  carol: ExtensionBrowser;
  /** Each one's popup, open for the whole flow (Bob's closes near the end). */
  a: ExtensionPage;
  b: ExtensionPage;
  c: ExtensionPage;
}

export interface SceneStep {
  name: string;
  run(scene: UiScene): Promise<void>;
}
