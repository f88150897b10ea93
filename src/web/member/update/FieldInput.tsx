import type { FieldValue, FormField } from './types.ts';
import { formatNumber, NUMERIC_TYPES, tidyNumber, UNIT_LABELS } from './values.ts';

type Props = {
  field: FormField;
  typed: string | boolean | null | undefined;
  lastYear: FieldValue | undefined;
  lastYearLabel: string;
  error?: string;
  reason?: string;
  onChange(value: string | boolean | null): void;
};

function shown(field: FormField, value: FieldValue | undefined): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (typeof value === 'number') return `${formatNumber(value)}${field.unit ? ` ${UNIT_LABELS[field.unit] ?? field.unit}` : ''}`;
  return field.choices?.find((c) => c.value === value)?.label.vi ?? value;
}

/**
 * One field of the form, large enough for a thumb: its label and unit, last year's accepted value beside it,
 * what the alliance asked to correct, and the error in words.
 */
export function FieldInput({ field, typed, lastYear, lastYearLabel, error, reason, onChange }: Props) {
  const id = `field-${field.key}`;
  const describedBy = [reason && `${id}-reason`, error && `${id}-error`, `${id}-last`].filter(Boolean).join(' ');
  const unit = field.unit ? UNIT_LABELS[field.unit] ?? field.unit : null;
  const label = (
    <>
      {field.label.vi}
      {field.required && (
        <span className="m-required" aria-hidden="true">
          {' '}
          *
        </span>
      )}
    </>
  );
  let control;
  if (NUMERIC_TYPES.has(field.type)) {
    control = (
      <div className="m-number">
        <input
          id={id}
          type="text"
          // A keyboard with a minus sign where a loss may be written.
          inputMode={field.min !== undefined && field.min < 0 ? 'text' : field.type === 'percent' ? 'decimal' : 'numeric'}
          autoComplete="off"
          value={typeof typed === 'string' ? typed : ''}
          onChange={(e) => onChange(e.target.value)}
          onBlur={(e) => {
            const tidy = tidyNumber(e.target.value);
            if (tidy !== e.target.value) onChange(tidy);
          }}
          aria-invalid={Boolean(error)}
          aria-required={field.required}
          aria-describedby={describedBy}
        />
        {unit && <span className="m-unit">{unit}</span>}
      </div>
    );
  } else if (field.type === 'text') {
    control = <textarea id={id} rows={4} maxLength={field.maxLength ?? 2000} value={typeof typed === 'string' ? typed : ''} onChange={(e) => onChange(e.target.value)} aria-invalid={Boolean(error)} aria-describedby={describedBy} />;
  } else {
    const options = field.type === 'boolean' ? [{ value: true, label: 'Có' }, { value: false, label: 'Không' }] : (field.choices ?? []).map((c) => ({ value: c.value, label: c.label.vi }));
    return (
      <fieldset className={`m-field m-choices${reason ? ' m-questioned' : ''}`} data-testid={id} aria-describedby={describedBy}>
        <legend>{label}</legend>
        {reason && <Reason id={`${id}-reason`} text={reason} />}
        {field.help && <p className="m-help">{field.help.vi}</p>}
        <div className="m-choice-list">
          {options.map((option) => (
            <label key={String(option.value)} className="m-choice">
              <input type="radio" name={id} checked={typed === option.value} onChange={() => onChange(option.value)} />
              {option.label}
            </label>
          ))}
        </div>
        {error && <FieldError id={`${id}-error`} text={error} />}
        <LastYear id={`${id}-last`} label={lastYearLabel} text={shown(field, lastYear)} />
      </fieldset>
    );
  }
  return (
    <div className={`m-field${reason ? ' m-questioned' : ''}`} data-testid={id}>
      <label htmlFor={id}>{label}</label>
      {reason && <Reason id={`${id}-reason`} text={reason} />}
      {field.help && <p className="m-help">{field.help.vi}</p>}
      {control}
      {error && <FieldError id={`${id}-error`} text={error} />}
      <LastYear id={`${id}-last`} label={lastYearLabel} text={shown(field, lastYear)} />
    </div>
  );
}

function Reason({ id, text }: { id: string; text: string }) {
  return (
    <p id={id} className="m-reason" data-testid="return-reason">
      <strong>Liên minh đề nghị sửa:</strong> {text}
    </p>
  );
}

function FieldError({ id, text }: { id: string; text: string }) {
  return (
    <p id={id} className="m-field-error" role="alert">
      {text}
    </p>
  );
}

function LastYear({ id, label, text }: { id: string; label: string; text: string }) {
  return (
    <p id={id} className="m-last-year">
      {label}: <span data-testid="last-year-value">{text}</span>
    </p>
  );
}

export { shown as shownValue };
