/** Chats: the list of conversations, and one conversation when a friend is chosen. */
import { useState } from 'preact/hooks';
import { t } from '../ui/i18n';
import { useRequest } from '../ui/use-request';
import { Conversation } from './conversation';
import { ConversationList } from './conversation-list';
import type { Fingerprint } from '../core/identity/fingerprint';

export function ChatsView() {
  const [conversations] = useRequest('conversations.list', {}, ['messages', 'friends', 'unread']);
  const [open, setOpen] = useState<Fingerprint | null>(null);
  const list = conversations.kind === 'ready' ? conversations.value : [];
  const chosen = list.find((c) => c.with === open) ?? null;
  if (chosen) return <Conversation conversation={chosen} onBack={() => setOpen(null)} />;
  return (
    <section aria-labelledby="chats-heading" class="chats">
      <h2 id="chats-heading" class="visually-hidden">
        {t('chatsTitle')}
      </h2>
      {conversations.kind === 'ready' && <ConversationList conversations={list} onOpen={setOpen} />}
    </section>
  );
}
