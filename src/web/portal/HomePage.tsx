import type { Alliance } from '../api/types.ts';
import { useT } from '../i18n/index.tsx';
import { followLink } from './navigation.ts';
import { PublicFigures } from './PublicFigures.tsx';
import { SearchForm } from './SearchForm.tsx';

/**
 * The portal's home for visitors, phone first: the directory search, then the year's headline figures, then the
 * charts (which load only when scrolled near).
 */
export function HomePage({ alliances }: { alliances: Alliance[] }) {
  const t = useT();
  return (
    <main className="portal-main" id="main" tabIndex={-1}>
      <section className="portal-section">
        <h1 className="portal-title">{t('directory.title')}</h1>
        <p className="portal-muted">{t('directory.intro')}</p>
        <SearchForm alliances={alliances} />
        <a href="/directory" onClick={followLink} className="portal-link">
          {t('directory.seeAll')} ›
        </a>
        <a href="/kien-nghi" onClick={followLink} className="portal-link" lang="vi">
          Khó khăn, kiến nghị của hợp tác xã và trả lời của cơ quan ›
        </a>
      </section>
      <PublicFigures alliances={alliances} />
    </main>
  );
}
