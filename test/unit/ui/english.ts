/** The page's i18n as the browser answers it for an English user: named placeholders filled. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };
const english = JSON.parse(
  readFileSync(join(__dirname, '../../../src/_locales/en/messages.json'), 'utf8'),
) as Record<string, Entry>;

export function getMessage(key: string, substitutions: string[] = []): string {
  const entry = english[key];
  if (!entry) return '';
  return entry.message.replace(/\$(\w+)\$/g, (_, name: string) => {
    const slot = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return substitutions[Number(slot.slice(1)) - 1] ?? '';
  });
}
