/**
 * One list item that fails to render (a friend's message with something we did not foresee)
 * shows as "could not be shown" instead of taking the whole feed or chat down with it: Preact,
 * like React, unmounts the whole tree on an uncaught render error.
 */
import { Component, type ComponentChildren } from 'preact';
import { t } from './i18n';

interface Props {
  children: ComponentChildren;
}

export class ItemBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static override getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.warn('Murmur: an item could not be shown', error);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <li class="item muted" role="note" data-testid="item-failed">
        {t('itemCouldNotShow')}
      </li>
    );
  }
}
