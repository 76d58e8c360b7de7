import { useId, type ReactNode } from 'react';
import './layer.css';

export interface RadioOption<T extends string> {
  value: T;
  label: string;
  /** One line on what this choice does: shown for the chosen one, and as every option's tooltip. */
  hint: string;
}

interface Props<T extends string> {
  /** The group's visible title and accessible name (e.g. "Padding"). */
  label: string;
  value: T;
  options: readonly RadioOption<T>[];
  onChange: (value: T) => void;
  /** Replaces the chosen option's hint (e.g. the same hint with the current numbers). */
  hint?: ReactNode;
  /** Shown under the hint (extra fields, notes). */
  children?: ReactNode;
}

/** A radio group named by its visible title, with a one-line explanation of the chosen option. */
export function RadioGroup<T extends string>({ label, value, options, onChange, hint, children }: Props<T>) {
  const id = useId();
  const chosen = options.find((o) => o.value === value);
  return (
    <div
      className="layer-group"
      role="radiogroup"
      aria-labelledby={`${id}-label`}
      aria-describedby={`${id}-hint`}
    >
      <span id={`${id}-label`} className="field-label">
        {label}
      </span>
      <div className="radio-options">
        {options.map((option) => (
          <label key={option.value} className="radio" title={option.hint}>
            <input
              type="radio"
              name={id}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            {option.label}
          </label>
        ))}
      </div>
      <p id={`${id}-hint`} className="hint" aria-live="polite">
        {hint ?? chosen?.hint}
      </p>
      {children}
    </div>
  );
}
