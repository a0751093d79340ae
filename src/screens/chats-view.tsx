/**
 * Chats: the list of conversations, and one conversation when a friend is chosen — in its place
 * in the popup, beside the list in the full tab.
 */
import { useState } from 'preact/hooks';
import { t } from '../ui/i18n';
import { useRequest } from '../ui/use-request';
import { Conversation } from './conversation';
import { ConversationList } from './conversation-list';
import type { Fingerprint } from '../core/identity/fingerprint';

export function ChatsView({ wide = false }: { wide?: boolean }) {
  const [conversations] = useRequest('conversations.list', {}, ['messages', 'friends', 'unread']);
  const [open, setOpen] = useState<Fingerprint | null>(null);
  const list = conversations.kind === 'ready' ? conversations.value : [];
  const chosen = list.find((c) => c.with === open) ?? null;
  const conversation = chosen && (
    <Conversation conversation={chosen} onBack={wide ? undefined : () => setOpen(null)} />
  );
  if (conversation && !wide) return conversation;
  const chats = (
    <section aria-labelledby="chats-heading" class="chats">
      <h2 id="chats-heading" class="visually-hidden">
        {t('chatsTitle')}
      </h2>
      {conversations.kind === 'ready' && (
        <ConversationList conversations={list} onOpen={setOpen} open={open} />
      )}
    </section>
  );
  if (!wide) return chats;
  return (
    <div class="chats-wide">
      {chats}
      {conversation ?? <p class="muted choose-conversation">{t('chooseConversation')}</p>}
    </div>
  );
}
