import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { AppLayout } from '../components/AppLayout.tsx';
import { NotFoundPage, PageLoading } from '../components/PageStatus.tsx';
import { RequireUser } from '../session/RequireUser.tsx';
import { useSession } from '../session/session.ts';
import { PublicDirectoryPage } from './directory/PublicDirectoryPage.tsx';

// Pages behind the login load on demand, so that the public directory stays light on a phone.
const LoginPage = lazy(() => import('./auth/LoginPage.tsx'));
const RegistryListPage = lazy(() => import('./registry/RegistryListPage.tsx'));
const OrganisationDetailPage = lazy(() => import('./registry/OrganisationDetailPage.tsx'));
const CreateOrganisationPage = lazy(() => import('./registry/CreateOrganisationPage.tsx'));
const EditOrganisationPage = lazy(() => import('./registry/EditOrganisationPage.tsx'));
const ImportPage = lazy(() => import('./imports/ImportPage.tsx'));

/** Visitors land on the public directory; signed-in users on the registry. */
function HomePage() {
  const { user, isLoading } = useSession();
  if (isLoading) return <PageLoading />;
  return user ? <Navigate to="/registry" replace /> : <PublicDirectoryPage />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
        <Route path="directory" element={<PublicDirectoryPage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="registry" element={<RequireUser><RegistryListPage /></RequireUser>} />
        <Route path="registry/new" element={<RequireUser><CreateOrganisationPage /></RequireUser>} />
        <Route path="registry/:id" element={<RequireUser><OrganisationDetailPage /></RequireUser>} />
        <Route path="registry/:id/edit" element={<RequireUser><EditOrganisationPage /></RequireUser>} />
        <Route path="imports" element={<RequireUser><ImportPage /></RequireUser>} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
