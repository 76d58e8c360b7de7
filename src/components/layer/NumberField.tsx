import { useId, useState } from 'react';
import './layer.css';

interface Props {
  /** The accessible name, e.g. "Stride rows"; also the visible label unless `visibleLabel` is given. */
  label: string;
  /** A shorter visible label (e.g. "rows" next to a "Stride" heading); the input keeps `label` as its name. */
  visibleLabel?: string;
  value: number;
  min: number;
  max: number;
  /** Applies a new value; returns false when it was refused (the store then shows why). */
  onCommit: (n: number) => boolean;
  /** Id of a hint that describes the field. */
  describedBy?: string;
  className?: string;
}

/**
 * An integer spinbutton that applies every valid value as it is typed or stepped (arrow keys), so the maps
 * follow at once. What the person typed stays in the box while they edit, marked invalid if it is out of
 * range or was refused; leaving the field shows the value in use again.
 */
export function NumberField({
  label,
  visibleLabel,
  value,
  min,
  max,
  onCommit,
  describedBy,
  className,
}: Props) {
  const id = useId();
  const [draft, setDraft] = useState<{ text: string; invalid: boolean } | null>(null);
  const text = draft?.text ?? String(value);
  const invalid = draft?.invalid ?? false;

  const onChange = (raw: string) => {
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isInteger(n)) {
      setDraft({ text: raw, invalid: raw.trim() !== '' });
      return;
    }
    if (n < min || n > max) {
      setDraft({ text: raw, invalid: true });
      return;
    }
    const ok = n === value || onCommit(n);
    setDraft({ text: raw, invalid: !ok });
  };

  return (
    <span className={className ? `number-field ${className}` : 'number-field'}>
      <label htmlFor={id}>{visibleLabel ?? label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={text}
        aria-label={visibleLabel ? label : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
        onBlur={() => setDraft(null)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === 'Escape') setDraft(null);
        }}
      />
    </span>
  );
}
