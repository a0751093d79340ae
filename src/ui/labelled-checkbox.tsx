/** A checkbox inside its label (the label names it for screen readers), reporting its new value. */
import type { ComponentChildren } from 'preact';

export function LabelledCheckbox({
  id,
  class: className,
  checked,
  disabled = false,
  onChange,
  children,
}: {
  id?: string;
  class?: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
  children: ComponentChildren;
}) {
  return (
    <label class={className}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />{' '}
      {children}
    </label>
  );
}
