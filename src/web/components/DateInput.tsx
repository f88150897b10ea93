import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { isValidIsoDate } from '../../shared/dates.ts';

type Props = { id?: string; value: string | null | undefined; onChange(value: string | null): void; onBlur?(): void; status?: 'error' };

/** A calendar date typed or picked as dd/mm/yyyy, held as 'YYYY-MM-DD' (what the shared schemas expect). */
export function DateInput({ id, value, onChange, onBlur, status }: Props) {
  return (
    <DatePicker
      id={id}
      value={value && isValidIsoDate(value) ? dayjs(value) : null}
      format={['DD/MM/YYYY', 'D/M/YYYY', 'YYYY-MM-DD']}
      placeholder="dd/mm/yyyy"
      onChange={(d) => onChange(d ? d.format('YYYY-MM-DD') : null)}
      onBlur={onBlur}
      status={status}
      style={{ width: '100%' }}
    />
  );
}
