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
import { readToken } from './auth/session.ts';
import { AppLayout } from './components/AppLayout.tsx';

const SignInPage = lazy(() => import('./pages/SignInPage.tsx'));
const CaseListPage = lazy(() => import('./pages/CaseListPage.tsx'));
const CasePage = lazy(() => import('./pages/CasePage.tsx'));
const PrintPage = lazy(() => import('./pages/PrintPage.tsx'));
const RequestsPage = lazy(() => import('./pages/RequestsPage.tsx'));
const RejectionsPage = lazy(() => import('./pages/RejectionsPage.tsx'));
const AccessPage = lazy(() => import('./pages/AccessPage.tsx'));

const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 15_000, retry: 1 } } });

function RequireSignIn({ children }: { children: React.ReactNode }) {
  return readToken() ? children : <Navigate to="/sign-in" replace />;
}

const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
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
      { path: '/', element: <Navigate to="/cases" replace /> },
      { path: '/cases', element: <CaseListPage /> },
      { path: '/cases/:applicationId', element: <CasePage /> },
      { path: '/requests', element: <RequestsPage /> },
      { path: '/rejections', element: <RejectionsPage /> },
      { path: '/access', element: <AccessPage /> },
    ],
  },
  { path: '*', element: <Navigate to="/" replace /> },
]);

export function App() {
  const { language } = useText();
  dayjs.locale(language === 'zh' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider locale={language === 'zh' ? zhCN : enUS} theme={{ token: { colorPrimary: '#a8071a' } }}>
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
