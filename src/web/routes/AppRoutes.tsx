import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { AppLayout } from '../components/AppLayout.tsx';
import { NotFoundPage, PageLoading } from '../components/PageStatus.tsx';
import { RequireUser } from '../session/RequireUser.tsx';
import { useSession } from '../session/session.ts';
import { PortalHomePage } from './directory/PortalHomePage.tsx';
import { PublicDirectoryPage } from './directory/PublicDirectoryPage.tsx';

// Pages behind the login load on demand, so that the public directory stays light on a phone.
const LoginPage = lazy(() => import('./auth/LoginPage.tsx'));
const RegistryListPage = lazy(() => import('./registry/RegistryListPage.tsx'));
const OrganisationDetailPage = lazy(() => import('./registry/OrganisationDetailPage.tsx'));
const CreateOrganisationPage = lazy(() => import('./registry/CreateOrganisationPage.tsx'));
const EditOrganisationPage = lazy(() => import('./registry/EditOrganisationPage.tsx'));
const ImportPage = lazy(() => import('./imports/ImportPage.tsx'));
const DashboardPage = lazy(() => import('./reports/DashboardPage.tsx'));
const PlansPage = lazy(() => import('./reports/PlansPage.tsx'));
const ClosedYearPage = lazy(() => import('./reports/ClosedYearPage.tsx'));
const LoanQueues = lazy(() => import('./loans/LoanQueues.tsx').then((m) => ({ default: m.LoanQueues })));
const LoanApplicationForm = lazy(() => import('./loans/LoanApplicationForm.tsx').then((m) => ({ default: m.LoanApplicationForm })));
const LoanPage = lazy(() => import('./loans/LoanPage.tsx').then((m) => ({ default: m.LoanPage })));
const PortfolioDashboard = lazy(() => import('./loans/PortfolioDashboard.tsx').then((m) => ({ default: m.PortfolioDashboard })));

/** Visitors land on the public directory; signed-in users on the registry. */
function HomePage() {
  const { user, isLoading } = useSession();
  if (isLoading) return <PageLoading />;
  return user ? <Navigate to="/registry" replace /> : <PortalHomePage />;
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
        <Route path="reports" element={<RequireUser><DashboardPage /></RequireUser>} />
        <Route path="reports/plans" element={<RequireUser><PlansPage /></RequireUser>} />
        <Route path="reports/closed" element={<RequireUser><ClosedYearPage /></RequireUser>} />
        <Route path="loans" element={<RequireUser><LoanQueues /></RequireUser>} />
        <Route path="loans/new" element={<RequireUser><LoanApplicationForm /></RequireUser>} />
        <Route path="loans/portfolio" element={<RequireUser><PortfolioDashboard /></RequireUser>} />
        <Route path="loans/:id" element={<RequireUser><LoanPage /></RequireUser>} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
