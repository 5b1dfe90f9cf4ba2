// Providers (antd locale, query cache, router) and the routes; every page is loaded lazily so
// the first load carries only the shell.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { useText } from './i18n/index.ts';
import { CALLBACK_PATH, readToken } from './auth/session.ts';
import { casesQuery, meQuery } from './api/queries.ts';
import { AppLayout } from './components/AppLayout.tsx';
import { useMe } from './components/useMe.ts';
import { preloadable } from './components/preloadable.tsx';

const caseList = preloadable(() => import('./pages/CaseListPage.tsx'));
const SignInPage = lazy(() => import('./pages/SignInPage.tsx'));
const SignInCallbackPage = lazy(() => import('./pages/SignInCallbackPage.tsx'));
const CasePage = lazy(() => import('./pages/CasePage.tsx'));
const PrintPage = lazy(() => import('./pages/PrintPage.tsx'));
const RequestsPage = lazy(() => import('./pages/RequestsPage.tsx'));
const RejectionsPage = lazy(() => import('./pages/RejectionsPage.tsx'));
const AccessPage = lazy(() => import('./pages/AccessPage.tsx'));
const DeadLettersPage = lazy(() => import('./pages/DeadLettersPage.tsx'));
const StatusFormPage = lazy(() => import('./pages/StatusFormPage.tsx'));
const DossierFormPage = lazy(() => import('./pages/DossierFormPage.tsx'));
const CsvUploadPage = lazy(() => import('./pages/CsvUploadPage.tsx'));
const RulingFormPage = lazy(() => import('./pages/RulingFormPage.tsx'));
const AssessmentPage = lazy(() => import('./pages/AssessmentPage.tsx'));

const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 15_000, retry: 1 } } });

const onList = window.location.pathname === '/cases' || window.location.pathname === '/';
/**
 * Signed in already: who we are and, opening the list, its code and first page, fetched while
 * React starts. main.tsx renders once this settles, so the first render has them; after 1 s it
 * renders anyway (a cold API must not keep the page blank: the shell shows its loading states).
 */
export const firstPage: Promise<unknown> = readToken()
  ? Promise.race([
      Promise.allSettled([
        queryClient.prefetchQuery(meQuery),
        ...(onList ? [caseList.preload(), queryClient.prefetchInfiniteQuery(casesQuery({}))] : []),
      ]),
      new Promise((resolve) => setTimeout(resolve, 1_000)),
    ])
  : Promise.resolve();

/** An enforcing court starts at its verification requests, an operator at the dead letters, everyone else at the case list. */
function HomeRedirect() {
  const { data: me } = useMe();
  if (!me) return null;
  const home = { ENFORCING_COURT: '/requests', SERVICE: '/operations', PROVINCE: '/assessment' } as Record<
    string,
    string
  >;
  return <Navigate to={home[me.institution.kind] ?? '/cases'} replace />;
}

function RequireSignIn({ children }: { children: React.ReactNode }) {
  return readToken() ? children : <Navigate to="/sign-in" replace />;
}

const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  { path: CALLBACK_PATH, element: <SignInCallbackPage /> },
  {
    path: '/cases/:applicationId/print',
    element: (
      <RequireSignIn>
        <PrintPage />
      </RequireSignIn>
    ),
  },
  {
    element: (
      <RequireSignIn>
        <AppLayout />
      </RequireSignIn>
    ),
    children: [
      { path: '/', element: <HomeRedirect /> },
      { path: '/cases', element: <caseList.Page /> },
      { path: '/cases/:applicationId', element: <CasePage /> },
      { path: '/requests', element: <RequestsPage /> },
      { path: '/rejections', element: <RejectionsPage /> },
      { path: '/access', element: <AccessPage /> },
      { path: '/operations', element: <DeadLettersPage /> },
      { path: '/status/new', element: <StatusFormPage /> },
      { path: '/dossier/new', element: <DossierFormPage /> },
      { path: '/dossier/:applicationId/supplement', element: <DossierFormPage /> },
      { path: '/statuses/upload', element: <CsvUploadPage /> },
      { path: '/ruling/new', element: <RulingFormPage /> },
      { path: '/assessment', element: <AssessmentPage /> },
    ],
  },
  { path: '*', element: <Navigate to="/" replace /> },
]);

export function App() {
  const { language } = useText();
  dayjs.locale(language === 'zh' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider
      locale={language === 'zh' ? zhCN : enUS}
      button={{ autoInsertSpace: false }}
      // Colours chosen for WCAG AA contrast (4.5:1) on white, which antd's defaults miss.
      // Zero runtime: antd's styles come from its prebuilt stylesheet (imported in main.tsx)
      // instead of being generated in the browser on first render, which was most of the
      // first page load; the tokens below still apply through CSS variables.
      theme={{
        zeroRuntime: true,
        token: {
          colorPrimary: '#a8071a',
          colorLink: '#0b4aa8',
          colorTextSecondary: 'rgba(0, 0, 0, 0.66)',
          colorTextDescription: 'rgba(0, 0, 0, 0.66)',
          colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
        },
      }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <Suspense fallback={null}>
            <RouterProvider router={router} />
          </Suspense>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
