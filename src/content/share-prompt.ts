/**
 * The small in-page question "Also share on Murmur with… [audience] [Share] [Skip]". It lives
 * in a closed shadow root, so Facebook's scripts can neither style nor reach into it, and it
 * shows nothing of Murmur's: the audience choices are generic ("all friends", "your usual
 * audience"), never names. Escape or × dismisses it (the same as Skip).
 */
import browser from 'webextension-polyfill';

export type PromptAnswer = { share: true; audience: 'all-friends' | 'default' } | { share: false };

const t = (key: string) => browser.i18n.getMessage(key) || key;

const STYLE = `
:host { all: initial; }
.box { position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; max-width: 340px;
  font: 14px/1.4 system-ui, sans-serif; color: #1d1d1f; background: #fff; border: 1px solid #c9c9d1;
  border-radius: 10px; padding: 12px 14px; box-shadow: 0 4px 18px rgba(0,0,0,.18); }
@media (prefers-color-scheme: dark) { .box { color: #eee; background: #222228; border-color: #444; } }
.row { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin-top: 8px; }
button, select { font: inherit; padding: 4px 10px; border-radius: 6px; }
button:focus-visible, select:focus-visible { outline: 2px solid #5b4bdb; outline-offset: 2px; }
.share { background: #5b4bdb; color: #fff; border: 1px solid #5b4bdb; }
.close { position: absolute; top: 4px; right: 6px; background: none; border: none; font-size: 18px; }
`;

export function askToShare(): Promise<PromptAnswer> {
  const host = document.createElement('murmur-share-prompt');
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  const box = document.createElement('div');
  box.className = 'box';
  box.setAttribute('role', 'dialog');
  box.setAttribute('aria-label', t('crosspostPromptTitle'));
  const question = document.createElement('p');
  question.textContent = t('crosspostPromptQuestion');
  const audience = document.createElement('select');
  audience.setAttribute('aria-label', t('audience'));
  for (const [value, label] of [
    ['all-friends', t('crosspostAudienceAll')],
    ['default', t('crosspostAudienceDefault')],
  ] as const) {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = label;
    audience.append(option);
  }
  const share = document.createElement('button');
  share.className = 'share';
  share.textContent = t('crosspostShare');
  const skip = document.createElement('button');
  skip.textContent = t('crosspostSkip');
  const close = document.createElement('button');
  close.className = 'close';
  close.textContent = '×';
  close.setAttribute('aria-label', t('crosspostSkip'));
  const row = document.createElement('div');
  row.className = 'row';
  row.append(audience, share, skip);
  box.append(close, question, row);
  root.append(style, box);
  document.documentElement.append(host);
  // The composer just closed: the question takes the focus, so Enter shares and Escape skips.
  share.focus();

  return new Promise<PromptAnswer>((resolve) => {
    const done = (answer: PromptAnswer) => (event: Event) => {
      // Only the person at the keyboard answers: the page cannot click these for them.
      if (!event.isTrusted) return;
      host.remove();
      resolve(answer);
    };
    share.addEventListener('click', (event) =>
      done({ share: true, audience: audience.value as 'all-friends' | 'default' })(event),
    );
    skip.addEventListener('click', done({ share: false }));
    close.addEventListener('click', done({ share: false }));
    box.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') done({ share: false })(event);
    });
  });
}
