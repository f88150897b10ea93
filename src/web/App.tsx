import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { useEffect, useState } from 'react';
import { BrowserRouter } from 'react-router-dom';
import { z } from 'zod';
import { ApiError } from './api/client.ts';
import { en } from './i18n/en.ts';
import { I18nProvider, useI18n } from './i18n/index.tsx';
import { vi } from './i18n/vi.ts';
import { AppRoutes } from './routes/AppRoutes.tsx';
import { watchSessionEnd } from './session/session.ts';

function createQueryClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A 4xx will not fix itself by asking again.
        retry: (failures, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
      },
    },
  });
  watchSessionEnd(client);
  return client;
}

/**
 * Colours that pass WCAG 2.1 AA (4.5:1 for text, checked by e2e/accessibility.e2e.ts), set once here rather than
 * page by page. antd's greys are black at 45 % / 25 % opacity (3.4:1 and 1.8:1 on white); solid greys of at least
 * 4.5:1 on white and on the #f5f5f5 of the page replace them. Tags draw their text in the palette's 7th shade
 * (green-7 #389e0d on green-1 is 3.4:1): the 8th or 9th shade instead. Error and warning texts likewise. Text that
 * is disabled is exempt (WCAG 1.4.3) and keeps antd's colour.
 */
/**
 * The 7th shade of each palette a tag writes its text in, darkened. Both spellings: with CSS variables antd writes
 * `green7` and `green-7` to the same variable (--ant-green-7), and the palette's own value would win.
 */
const TAG_TEXT = Object.fromEntries(
  Object.entries({ green: '#237804', orange: '#ad4e00', gold: '#874d00', volcano: '#ad2102', cyan: '#006d75', lime: '#3f6600', yellow: '#876800' }).flatMap(([color, text]) => [
    [`${color}7`, text],
    [`${color}-7`, text],
  ]),
);

const THEME = {
  token: {
    colorPrimary: '#0b7a3e',
    colorLink: '#0b7a3e',
    colorLinkHover: '#138a4a',
    colorLinkActive: '#075a2d',
    borderRadius: 6,
    colorTextSecondary: '#595959',
    colorTextTertiary: '#595959',
    colorTextDescription: '#595959',
    colorTextPlaceholder: '#6b6b6b',
    colorIcon: '#595959',
    colorError: '#cf1322',
    colorWarning: '#ad6800',
    colorSuccess: '#237804',
    colorInfo: '#0958d9',
    ...TAG_TEXT,
  },
  components: {
    Menu: { itemSelectedBg: '#e3f2e8', itemSelectedColor: '#0b7a3e' },
    // An empty table or list says so in the disabled grey (1.8:1); it is text to read, not a disabled control.
    Table: { colorTextDisabled: '#6b6b6b' },
    List: { colorTextDisabled: '#6b6b6b' },
  },
};

/** antd, dayjs and zod follow the language toggle. */
function LocalisedApp() {
  const { lang } = useI18n();
  useEffect(() => {
    dayjs.locale(lang === 'vi' ? 'vi' : 'en');
    // The shared zod schemas carry Vietnamese messages; zod's own defaults follow the chosen language.
    z.config(lang === 'vi' ? z.locales.vi() : z.locales.en());
  }, [lang]);
  return (
    <ConfigProvider locale={lang === 'vi' ? viVN : enUS} theme={THEME}>
      <AntApp>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

const dictionaries = { vi, en };

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider dictionaries={dictionaries}>
        <LocalisedApp />
      </I18nProvider>
    </QueryClientProvider>
  );
}
