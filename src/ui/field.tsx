/** A labelled text field: the label names it, its value is the caller's, each edit reported. */
import type { Ref } from 'preact';

interface FieldProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  /** A textarea of this many rows; otherwise a one-line input. */
  rows?: number;
  password?: boolean;
  autoComplete?: string;
  maxLength?: number;
  required?: boolean;
  disabled?: boolean;
  describedBy?: string;
  /** Where the one-line input is, or the textarea (for focus). */
  inputRef?: Ref<HTMLInputElement>;
  areaRef?: Ref<HTMLTextAreaElement>;
}

export function Field(props: FieldProps) {
  const { id, label, value, rows, describedBy } = props;
  const shared = {
    id,
    value,
    maxLength: props.maxLength,
    required: props.required,
    disabled: props.disabled,
    'aria-describedby': describedBy,
    onInput: (e: { currentTarget: { value: string } }) => props.onInput(e.currentTarget.value),
  };
  const { inputRef, autoComplete } = props;
  const field =
    rows !== undefined ? (
      <textarea {...shared} ref={props.areaRef} rows={rows} />
    ) : props.password ? (
      <input {...shared} ref={inputRef} type="password" autoComplete={autoComplete} />
    ) : (
      <input {...shared} ref={inputRef} type="text" autoComplete={autoComplete} />
    );
  return (
    <>
      <label for={id}>{label}</label>
      {field}
    </>
  );
}
