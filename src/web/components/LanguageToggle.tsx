import { Button } from 'antd';
import { useI18n } from '../i18n/index.tsx';

/** Switches between Vietnamese and English; the choice is kept in localStorage. */
export function LanguageToggle({ compact = false }: { compact?: boolean }) {
  const { lang, setLang, t } = useI18n();
  const next = lang === 'vi' ? 'en' : 'vi';
  const shown = compact ? next.toUpperCase() : t('lang.other');
  // The spoken name begins with the words on the button (WCAG 2.5.3), then says what it does.
  return (
    <Button size="small" aria-label={`${shown}: ${t('lang.switch')}`} title={t('lang.switch')} onClick={() => setLang(next)} data-testid="language-toggle">
      <span lang={next}>{shown}</span>
    </Button>
  );
}
