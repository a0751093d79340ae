/**
 * Where Facebook's post composer is, found by roles, labels and structure — never by class
 * names, which Facebook obfuscates and changes with every release. All of Murmur's knowledge of
 * Facebook's DOM is in this file. When Facebook changes, this is the one place to update, and
 * the content script says so (Options › Facebook) instead of guessing.
 *
 * Desktop (www/web.facebook.com): the "Create post" composer is a `[role=dialog]` holding a
 * rich-text `[role=textbox][contenteditable=true]` and a `[role=button]` (or `<button>`)
 * labelled "Post" in the page's language.
 * Mobile (m.facebook.com): a `<form>` holding `textarea[name=xc_message]` and a submit
 * control (`[type=submit]`) labelled "Post".
 */

/** "Post" on the button, in the languages we know; anything else is not recognised. */
const POST_LABELS = new Set([
  'post',
  'posten',
  'publier',
  'publicar',
  'pubblica',
  'plaatsen',
  'opublikuj',
  'publicera',
  'del',
]);

/** A dialog or form that calls itself a post composer, in those languages. */
const COMPOSER_NAMES =
  /create post|beitrag erstellen|créer une publication|crear publicación|crea post|criar publicação|bericht maken/i;

export interface Composer {
  kind: 'dialog' | 'mobile';
  container: Element;
  /** The text as typed so far. */
  text: () => string;
  /** The control that publishes. */
  submit: Element;
  /** File inputs whose pictures go with the post. */
  fileInputs: HTMLInputElement[];
}

export type Recognition =
  { ok: true; composer: Composer } | { ok: false; container: Element; missing: string };

const labelOf = (el: Element) =>
  (el.getAttribute('aria-label') ?? (el as HTMLInputElement).value ?? el.textContent ?? '')
    .trim()
    .toLowerCase();

const isPostControl = (el: Element) => POST_LABELS.has(labelOf(el));

/** The accessible name of a dialog or form: aria-label, or the text aria-labelledby points to. */
function nameOf(el: Element): string {
  const labelledBy = el.getAttribute('aria-labelledby');
  const byId = labelledBy
    ? labelledBy.split(/\s+/).map((id) => el.ownerDocument.getElementById(id)?.textContent ?? '')
    : [];
  const heading = el.querySelector('h1, h2, h3, [role=heading]')?.textContent ?? '';
  return [el.getAttribute('aria-label') ?? '', ...byId, heading].join(' ');
}

function recogniseDialog(dialog: Element): Recognition | null {
  const textbox = dialog.querySelector('[role=textbox][contenteditable=true]');
  const claimsToBeComposer = COMPOSER_NAMES.test(nameOf(dialog));
  if (!textbox && !claimsToBeComposer) return null; // Some other dialog: not ours to judge.
  if (!textbox) return { ok: false, container: dialog, missing: 'no text box in the composer' };
  const submit = [...dialog.querySelectorAll('[role=button], button')].find(isPostControl);
  if (!submit) return { ok: false, container: dialog, missing: 'no Post button in the composer' };
  return {
    ok: true,
    composer: {
      kind: 'dialog',
      container: dialog,
      text: () => (textbox as HTMLElement).innerText.trim(),
      submit,
      fileInputs: [...dialog.querySelectorAll<HTMLInputElement>('input[type=file]')],
    },
  };
}

function recogniseMobile(form: HTMLFormElement): Recognition | null {
  const textarea = form.querySelector<HTMLTextAreaElement>('textarea[name=xc_message]');
  const claimsToBeComposer =
    COMPOSER_NAMES.test(nameOf(form)) || /\/composer\//.test(form.getAttribute('action') ?? '');
  if (!textarea && !claimsToBeComposer) return null;
  if (!textarea) return { ok: false, container: form, missing: 'no message field in the form' };
  const submit = [...form.querySelectorAll('[type=submit]')].find(isPostControl);
  if (!submit) return { ok: false, container: form, missing: 'no Post button in the form' };
  return {
    ok: true,
    composer: {
      kind: 'mobile',
      container: form,
      text: () => textarea.value.trim(),
      submit,
      fileInputs: [...form.querySelectorAll<HTMLInputElement>('input[type=file]')],
    },
  };
}

/** Every composer on the page, recognised or not. */
export function findComposers(root: ParentNode): Recognition[] {
  const found: Recognition[] = [];
  for (const dialog of root.querySelectorAll('[role=dialog]')) {
    const r = recogniseDialog(dialog);
    if (r) found.push(r);
  }
  for (const form of root.querySelectorAll('form')) {
    const r = recogniseMobile(form);
    if (r) found.push(r);
  }
  return found;
}

/** A control that says "Post" but sits in no composer we recognise. */
export const looksLikePostControl = (el: Element) =>
  (el.matches('[role=button], button, [type=submit]') && isPostControl(el)) || false;
