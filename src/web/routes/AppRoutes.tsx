import { lazy, useEffect } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { AppLayout } from '../components/AppLayout.tsx';
import { NotFoundPage, PageLoading } from '../components/PageStatus.tsx';
import { RequireUser } from '../session/RequireUser.tsx';
import { useSession } from '../session/session.ts';
import { RequirePortal } from './portal/portalAccess.tsx';

// Each page loads with its route.
const RegistryListPage = lazy(() => import('./registry/RegistryListPage.tsx'));
const OrganisationDetailPage = lazy(() => import('./registry/OrganisationDetailPage.tsx'));
const CreateOrganisationPage = lazy(() => import('./registry/CreateOrganisationPage.tsx'));
const EditOrganisationPage = lazy(() => import('./registry/EditOrganisationPage.tsx'));
const ImportPage = lazy(() => import('./imports/ImportPage.tsx'));
const DashboardPage = lazy(() => import('./reports/DashboardPage.tsx'));
const PlansPage = lazy(() => import('./reports/PlansPage.tsx'));
const ClosedYearPage = lazy(() => import('./reports/ClosedYearPage.tsx'));
const RequestsReportPage = lazy(() => import('./reports/RequestsReportPage.tsx'));
const LoanQueues = lazy(() => import('./loans/LoanQueues.tsx').then((m) => ({ default: m.LoanQueues })));
const LoanRulesPage = lazy(() => import('./loans/LoanRulesPage.tsx').then((m) => ({ default: m.LoanRulesPage })));
const LoanApplicationForm = lazy(() => import('./loans/LoanApplicationForm.tsx').then((m) => ({ default: m.LoanApplicationForm })));
const LoanPage = lazy(() => import('./loans/LoanPage.tsx').then((m) => ({ default: m.LoanPage })));
const PortfolioDashboard = lazy(() => import('./loans/PortfolioDashboard.tsx').then((m) => ({ default: m.PortfolioDashboard })));
const UpdatesQueuePage = lazy(() => import('./updates/UpdatesQueuePage.tsx'));
const UpdateReviewPage = lazy(() => import('./updates/UpdateReviewPage.tsx'));
const CompliancePage = lazy(() => import('./updates/CompliancePage.tsx'));
const UpdateFormsPage = lazy(() => import('./updates/UpdateFormsPage.tsx'));
const AccountsPage = lazy(() => import('./accounts/AccountsPage.tsx'));
const DifficultiesPage = lazy(() => import('./difficulties/DifficultiesPage.tsx'));
const NewDifficultiesPage = lazy(() => import('./difficulties/NewDifficultiesPage.tsx'));
const DifficultyPage = lazy(() => import('./difficulties/DifficultyPage.tsx'));
const RecommendationsPage = lazy(() => import('./difficulties/RecommendationsPage.tsx'));
const RecommendationPage = lazy(() => import('./difficulties/RecommendationPage.tsx'));
const LetterSettingsPage = lazy(() => import('./difficulties/LetterSettingsPage.tsx'));
const AgenciesPage = lazy(() => import('./difficulties/AgenciesPage.tsx'));
const PasswordPage = lazy(() => import('./accounts/PasswordPage.tsx'));
const ExpertsPage = lazy(() => import('./consultations/ExpertsPage.tsx'));
const ConsultationsPage = lazy(() => import('./consultations/ConsultationsPage.tsx'));
const ConsultationPage = lazy(() => import('./consultations/ConsultationPage.tsx'));
const AwardsRegisterPage = lazy(() => import('./awards/AwardsRegisterPage.tsx'));
const ProposalsPage = lazy(() => import('./awards/ProposalsPage.tsx'));
const ProposalPage = lazy(() => import('./awards/ProposalPage.tsx'));
const DecisionsPage = lazy(() => import('./awards/DecisionsPage.tsx'));
const DecisionPage = lazy(() => import('./awards/DecisionPage.tsx'));
const AwardKindsPage = lazy(() => import('./awards/AwardKindsPage.tsx'));
const NeverRecognisedPage = lazy(() => import('./awards/NeverRecognisedPage.tsx'));
const EmulationBlocksPage = lazy(() => import('./emulation/BlocksPage.tsx'));
const EmulationBlockPage = lazy(() => import('./emulation/BlockPage.tsx'));
const EmulationPactPage = lazy(() => import('./emulation/PactPage.tsx'));
const CalendarPage = lazy(() => import('./calendar/CalendarPage.tsx'));
const PortalArticlesPage = lazy(() => import('./portal/articles/ArticlesPage.tsx'));
const PortalArticleEditorPage = lazy(() => import('./portal/articles/ArticleEditorPage.tsx'));
const PortalCategoriesPage = lazy(() => import('./portal/categories/CategoriesPage.tsx'));
const PortalDocumentsPage = lazy(() => import('./portal/documents/DocumentsPage.tsx'));
const PortalEventsPage = lazy(() => import('./portal/events/EventsPage.tsx'));
const PortalImagesPage = lazy(() => import('./portal/images/ImagesPage.tsx'));

const DOCUMENT_PATH = window.location.pathname;

/**
 * The public pages ("/", "/directory") are another document, the light portal entry (src/web/portal) that the
 * server sends for those paths, and so is the login (the light entry of src/web/member): a move to one of them
 * from here loads it. Signed-in users land on the registry.
 * If this document was itself loaded at the path, the server did not send the portal (a dev server without its
 * rewrite, an old build): the page shows a plain link rather than loading itself again and again.
 */
function PortalPage() {
  const { user, isLoading } = useSession();
  const location = useLocation();
  const home = location.pathname === '/';
  const movedHere = location.pathname !== DOCUMENT_PATH;
  const leave = movedHere && !(home && (isLoading || user));
  useEffect(() => {
    if (leave) window.location.replace(location.pathname + location.search);
  }, [leave, location.pathname, location.search]);
  if (home && user) return <Navigate to="/registry" replace />;
  return movedHere ? <PageLoading /> : <NotFoundPage />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<PortalPage />} />
        <Route path="directory" element={<PortalPage />} />
        <Route path="login" element={<PortalPage />} />
        <Route path="registry" element={<RequireUser><RegistryListPage /></RequireUser>} />
        <Route path="registry/new" element={<RequireUser can="manageRegistry"><CreateOrganisationPage /></RequireUser>} />
        <Route path="registry/:id" element={<RequireUser><OrganisationDetailPage /></RequireUser>} />
        <Route path="registry/:id/edit" element={<RequireUser><EditOrganisationPage /></RequireUser>} />
        <Route path="imports" element={<RequireUser can="manageRegistry"><ImportPage /></RequireUser>} />
        <Route path="reports" element={<RequireUser can="seeReports"><DashboardPage /></RequireUser>} />
        <Route path="reports/plans" element={<RequireUser can="managePlans"><PlansPage /></RequireUser>} />
        <Route path="reports/closed" element={<RequireUser can="seeClosedYears"><ClosedYearPage /></RequireUser>} />
        <Route path="reports/requests" element={<RequireUser can="seeRequestReports"><RequestsReportPage /></RequireUser>} />
        <Route path="loans" element={<RequireUser can="seeLoans"><LoanQueues /></RequireUser>} />
        <Route path="loans/rules" element={<RequireUser can="seeLoans"><LoanRulesPage /></RequireUser>} />
        <Route path="loans/new" element={<RequireUser can="seeLoans"><LoanApplicationForm /></RequireUser>} />
        <Route path="loans/portfolio" element={<RequireUser can="seePortfolio"><PortfolioDashboard /></RequireUser>} />
        <Route path="loans/:id" element={<RequireUser can="seeLoans"><LoanPage /></RequireUser>} />
        <Route path="updates" element={<RequireUser can="seeUpdates"><UpdatesQueuePage /></RequireUser>} />
        <Route path="updates/compliance" element={<RequireUser can="seeCompliance"><CompliancePage /></RequireUser>} />
        <Route path="updates/forms" element={<RequireUser can="seeUpdates"><UpdateFormsPage /></RequireUser>} />
        <Route path="updates/:id" element={<RequireUser can="seeUpdates"><UpdateReviewPage /></RequireUser>} />
        <Route path="difficulties" element={<RequireUser can="seeDifficulties"><DifficultiesPage /></RequireUser>} />
        <Route path="difficulties/new" element={<RequireUser can="handleDifficulties"><NewDifficultiesPage /></RequireUser>} />
        <Route path="difficulties/:id" element={<RequireUser can="seeDifficulties"><DifficultyPage /></RequireUser>} />
        <Route path="recommendations" element={<RequireUser can="handleDifficulties"><RecommendationsPage /></RequireUser>} />
        <Route path="recommendations/settings" element={<RequireUser can="manageLetterSettings"><LetterSettingsPage /></RequireUser>} />
        <Route path="recommendations/:id" element={<RequireUser can="handleDifficulties"><RecommendationPage /></RequireUser>} />
        <Route path="agencies" element={<RequireUser can="handleDifficulties"><AgenciesPage /></RequireUser>} />
        <Route path="accounts" element={<RequireUser can="manageAccounts"><AccountsPage /></RequireUser>} />
        <Route path="account/password" element={<RequireUser><PasswordPage /></RequireUser>} />
        <Route path="experts" element={<RequireUser can="handleConsultations"><ExpertsPage /></RequireUser>} />
        <Route path="consultations" element={<RequireUser can="handleConsultations"><ConsultationsPage /></RequireUser>} />
        <Route path="consultations/:id" element={<RequireUser can="handleConsultations"><ConsultationPage /></RequireUser>} />
        <Route path="emulation" element={<RequireUser can="manageEmulation"><EmulationBlocksPage /></RequireUser>} />
        <Route path="emulation/blocks/:id" element={<RequireUser can="manageEmulation"><EmulationBlockPage /></RequireUser>} />
        <Route path="emulation/pacts/:id" element={<RequireUser can="manageEmulation"><EmulationPactPage /></RequireUser>} />
        <Route path="awards" element={<RequireUser can="seeAwards"><AwardsRegisterPage /></RequireUser>} />
        <Route path="awards/proposals" element={<RequireUser can="manageAwards"><ProposalsPage /></RequireUser>} />
        <Route path="awards/proposals/:id" element={<RequireUser can="manageAwards"><ProposalPage /></RequireUser>} />
        <Route path="awards/decisions" element={<RequireUser can="manageAwards"><DecisionsPage /></RequireUser>} />
        <Route path="awards/decisions/:id" element={<RequireUser can="manageAwards"><DecisionPage /></RequireUser>} />
        <Route path="awards/kinds" element={<RequireUser can="manageAwardKinds"><AwardKindsPage /></RequireUser>} />
        <Route path="awards/never-recognised" element={<RequireUser can="manageAwards"><NeverRecognisedPage /></RequireUser>} />
        <Route path="calendar" element={<RequireUser><CalendarPage /></RequireUser>} />
        <Route path="portal/articles" element={<RequireUser><RequirePortal can="writeArticles"><PortalArticlesPage /></RequirePortal></RequireUser>} />
        <Route path="portal/articles/new" element={<RequireUser><RequirePortal can="writeArticles"><PortalArticleEditorPage /></RequirePortal></RequireUser>} />
        <Route path="portal/articles/:id" element={<RequireUser><RequirePortal can="writeArticles"><PortalArticleEditorPage /></RequirePortal></RequireUser>} />
        <Route path="portal/categories" element={<RequireUser><RequirePortal can="manageLibrary"><PortalCategoriesPage /></RequirePortal></RequireUser>} />
        <Route path="portal/documents" element={<RequireUser><RequirePortal can="manageLibrary"><PortalDocumentsPage /></RequirePortal></RequireUser>} />
        <Route path="portal/events" element={<RequireUser><RequirePortal can="manageLibrary"><PortalEventsPage /></RequirePortal></RequireUser>} />
        <Route path="portal/images" element={<RequireUser><RequirePortal can="manageLibrary"><PortalImagesPage /></RequirePortal></RequireUser>} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
