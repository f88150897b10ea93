import { useI18n } from '../i18n/index.tsx';
import { followLink } from './navigation.ts';

/** The portal's top bar: its name (back to the home page), the language, and the way in for staff. */
export function PortalHeader() {
  const { lang, setLang, t } = useI18n();
  return (
    <header className="portal-header">
      <a href="/" onClick={followLink} className="portal-brand">
        <strong>{t('app.name')}</strong>
        <span className="portal-tagline">{t('app.tagline')}</span>
      </a>
      <button type="button" className="portal-button portal-button-small" aria-label={t('lang.switch')} title={t('lang.switch')} onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')} data-testid="language-toggle">
        {lang === 'vi' ? 'EN' : 'VI'}
      </button>
      {/* The staff app is another document: a plain link loads it. */}
      <a href="/login" className="portal-button portal-button-small portal-button-primary">
        {t('nav.login')}
      </a>
    </header>
  );
}
