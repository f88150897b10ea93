import { Tag } from 'antd';
import { useT } from '../../../i18n/index.tsx';
import type { MessageKey } from '../../../i18n/vi.ts';

const COLOURS: Record<string, string> = { draft: 'default', in_review: 'gold', scheduled: 'blue', published: 'green', unpublished: 'red' };

/** An article's state in words (decision 009): Bản nháp, Chờ duyệt, Hẹn giờ đăng, Đã đăng, Đã gỡ. */
export function StateTag({ state, testId }: { state: string; testId?: string }) {
  const t = useT();
  return <Tag color={COLOURS[state] ?? 'default'} data-testid={testId}>{t(`portal.state.${state}` as MessageKey)}</Tag>;
}
