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
import { I18nProvider, useI18n } from './i18n/index.tsx';
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

const THEME = {
  token: { colorPrimary: '#0b7a3e', colorLink: '#0b7a3e', borderRadius: 6 },
  components: { Menu: { itemSelectedBg: '#e3f2e8', itemSelectedColor: '#0b7a3e' } },
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

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <LocalisedApp />
      </I18nProvider>
    </QueryClientProvider>
  );
}
