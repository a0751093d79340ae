/** A radio button inside its label (the label names it for screen readers), one of a named group. */
import type { ComponentChildren } from 'preact';

export function LabelledRadio({
  id,
  name,
  checked,
  onSelect,
  children,
}: {
  id: string;
  name: string;
  checked: boolean;
  onSelect: () => void;
  children: ComponentChildren;
}) {
  return (
    <label>
      <input type="radio" name={name} id={id} checked={checked} onChange={onSelect} /> {children}
    </label>
  );
}
