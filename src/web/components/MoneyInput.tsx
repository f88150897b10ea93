import { Input } from 'antd';
import { groupDigits } from '../format.ts';

type Props = { id?: string; value: string | null | undefined; onChange(value: string): void; onBlur?(): void; status?: 'error' };

/**
 * An amount of whole đồng: shown grouped ("2.772.000.000"), held as a string of digits so that no amount
 * passes through a floating-point number.
 */
export function MoneyInput({ id, value, onChange, onBlur, status }: Props) {
  return (
    <Input
      id={id}
      inputMode="numeric"
      value={value ? groupDigits(value) : ''}
      onChange={(e) => onChange(e.target.value.replace(/\D/g, '').replace(/^0+(?=\d)/, ''))}
      onBlur={onBlur}
      status={status}
      suffix="đ"
    />
  );
}
