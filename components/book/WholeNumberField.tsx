import { useEffect, useState } from 'react';
import './simulation-lab.css';

export interface WholeNumberFieldProps {
  id: string;
  label: string;
  value: number;
  min: number;
  max: number;
  disabled?: boolean;
  /** A note under the field (why it is disabled, say). */
  hint?: string;
  onChange: (value: number) => void;
  /** The island's wording of a value out of range. */
  m: { invalidNumber: (label: string, min: number, max: number) => string };
}

/** Whether `text` is a whole number from `min` to `max`. */
export function isWholeNumberInRange(text: string, min: number, max: number): boolean {
  return /^\d+$/.test(text) && Number(text) >= min && Number(text) <= max;
}

/**
 * A whole-number field (styled by simulation-lab.css) that keeps what the reader typed and says when it is out of range; the island
 * gets only valid values, and keeps the last one while the text is wrong.
 */
export function WholeNumberField(props: WholeNumberFieldProps) {
  const { id, label, value, min, max, disabled, hint, onChange, m } = props;
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const valid = isWholeNumberInRange(text, min, max);
  const described = [valid ? '' : `${id}-error`, hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="simulation-lab__field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        value={text}
        disabled={disabled}
        aria-invalid={!valid}
        aria-describedby={described}
        onChange={(e) => {
          setText(e.target.value);
          if (isWholeNumberInRange(e.target.value, min, max)) onChange(Number(e.target.value));
        }}
      />
      {hint && <p id={`${id}-hint`} className="simulation-lab__hint">{hint}</p>}
      {!valid && <p id={`${id}-error`} className="simulation-lab__error">{m.invalidNumber(label, min, max)}</p>}
    </div>
  );
}
