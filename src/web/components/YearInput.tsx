import { InputNumber } from 'antd';

/** A page's year (2000–2100), stepped or typed: a typed year counts on Enter or on leaving the field. */
export function YearInput({ id, year, onChange, testId }: { id: string; year: number; onChange: (year: number) => void; testId?: string }) {
  const pick = (value: number) => {
    if (Number.isInteger(value) && value >= 2000 && value <= 2100 && value !== year) onChange(value);
  };
  return (
    <InputNumber
      id={id}
      key={year}
      defaultValue={year}
      min={2000}
      max={2100}
      inputMode="numeric"
      style={{ width: 100 }}
      onBlur={(e) => pick(Number(e.target.value))}
      onPressEnter={(e) => pick(Number(e.currentTarget.value))}
      onStep={(next) => onChange(Number(next))}
      data-testid={testId}
    />
  );
}
