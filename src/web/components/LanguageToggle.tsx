import { Button } from 'antd';
import { useI18n } from '../i18n/index.tsx';

/** Switches between Vietnamese and English; the choice is kept in localStorage. */
export function LanguageToggle({ compact = false }: { compact?: boolean }) {
  const { lang, setLang, t } = useI18n();
  const next = lang === 'vi' ? 'en' : 'vi';
  return (
    <Button size="small" aria-label={t('lang.switch')} title={t('lang.switch')} onClick={() => setLang(next)} data-testid="language-toggle">
      {compact ? next.toUpperCase() : t('lang.other')}
    </Button>
  );
}
