import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import type { Ref } from 'react';
import { isValidIsoDate } from '../../shared/dates.ts';

type Props = { ref?: Ref<{ focus(): void }>; id?: string; value: string | null | undefined; onChange(value: string | null): void; onBlur?(): void; status?: 'error'; min?: string; max?: string };

/** A calendar date typed or picked as dd/mm/yyyy, held as 'YYYY-MM-DD' (what the shared schemas expect); min/max grey out the days outside. */
export function DateInput({ ref, id, value, onChange, onBlur, status, min, max }: Props) {
  return (
    <DatePicker
      ref={ref as never}
      id={id}
      value={value && isValidIsoDate(value) ? dayjs(value) : null}
      format={['DD/MM/YYYY', 'D/M/YYYY', 'YYYY-MM-DD']}
      placeholder="dd/mm/yyyy"
      onChange={(d) => onChange(d ? d.format('YYYY-MM-DD') : null)}
      onBlur={onBlur}
      status={status}
      disabledDate={min || max ? (d) => (!!min && d.format('YYYY-MM-DD') < min) || (!!max && d.format('YYYY-MM-DD') > max) : undefined}
      style={{ width: '100%' }}
    />
  );
}
