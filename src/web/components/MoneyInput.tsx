import { Input, type InputRef } from 'antd';
import type { Ref } from 'react';
import { groupDigits } from '../format.ts';

type Props = { ref?: Ref<InputRef>; id?: string; value: string | null | undefined; onChange(value: string): void; onBlur?(): void; status?: 'error' };

/**
 * An amount of whole đồng: shown grouped ("2.772.000.000"), held as a string of digits so that no amount
 * passes through a floating-point number.
 */
export function MoneyInput({ ref, id, value, onChange, onBlur, status }: Props) {
  return (
    <Input
      ref={ref}
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
