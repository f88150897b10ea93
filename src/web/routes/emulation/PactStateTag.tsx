import { Tag } from 'antd';
import { useT } from '../../i18n/index.tsx';
import type { MessageKey } from '../../i18n/vi.ts';

const COLOURS: Record<string, string> = { draft: 'default', signed: 'blue', closed: 'green' };

/** A pact's state in words: Dự thảo, Đã ký, Đã tổng kết. */
export function PactStateTag({ state }: { state: string }) {
  const t = useT();
  return <Tag color={COLOURS[state] ?? 'default'}>{t(`emulation.pact.state.${state}` as MessageKey)}</Tag>;
}
