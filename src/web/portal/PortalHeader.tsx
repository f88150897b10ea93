import { useI18n } from '../i18n/index.tsx';

/**
 * The portal's top bar: its name (back to the home page), the language, and the way in for staff; before it the
 * skip link to the page's main content, the first Tab stop.
 */
export function PortalHeader() {
  const { lang, setLang, t } = useI18n();
  const next = lang === 'vi' ? 'en' : 'vi';
  return (
    <>
      <a className="portal-skip-link" href="#main">{t('nav.skip')}</a>
      <header className="portal-header">
        {/* The home is rendered on the server: a plain link loads it. */}
        <a href="/" className="portal-brand">
          <strong>{t('app.name')}</strong>
          <span className="portal-tagline">{t('app.tagline')}</span>
        </a>
        {/* The spoken name begins with the words on the button (WCAG 2.5.3). */}
        <button type="button" className="portal-button portal-button-small" aria-label={`${next.toUpperCase()}: ${t('lang.switch')}`} title={t('lang.switch')} onClick={() => setLang(next)} data-testid="language-toggle">
          <span lang={next}>{next.toUpperCase()}</span>
        </button>
        {/* The staff app is another document: a plain link loads it. */}
        <a href="/login" className="portal-button portal-button-small portal-button-primary">
          {t('nav.login')}
        </a>
      </header>
    </>
  );
}
