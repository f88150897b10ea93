/** The consultations' words by their keys, in the chosen language. */
import { useT, type MessageKey } from '../../i18n/index.tsx';

export function useConsultationLabels() {
  const t = useT();
  const word = (prefix: string) => (key: string | null | undefined) => (key ? t(`${prefix}.${key}` as MessageKey) : t('common.none'));
  return { topic: word('consultations.topic'), state: word('consultations.state'), form: word('consultations.form'), channel: word('consultations.channel'), history: word('consultations.history') };
}

export const STATE_COLORS: Record<string, string> = { requested: 'orange', scheduled: 'blue', done: 'green', cancelled: 'default' };
