import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { accessOf } from './access.ts';
import { authKeys, type Me, useMe } from './api/auth.ts';
import { setUnauthenticatedHandler } from './api/client.ts';
import { I18nProvider, useI18n } from './i18n.tsx';
import { lazyLayout, lazyPage } from './lazy-page.tsx';
import { LoginPage } from './pages/login/LoginPage.tsx';
import { appRoutes, canOpen, portalRoutes } from './routes.tsx';
import './styles.css';

// the shells and the rare pages load when first needed: the login page carries none of them
const AppLayout = lazyLayout<{ me: Me }, typeof import('./layout/AppLayout.tsx'), 'AppLayout'>(
  () => import('./layout/AppLayout.tsx'),
  'AppLayout',
);
const PortalLayout = lazyLayout<{ me: Me }, typeof import('./layout/PortalLayout.tsx'), 'PortalLayout'>(
  () => import('./layout/PortalLayout.tsx'),
  'PortalLayout',
);
const SetupPage = lazyPage(() => import('./pages/setup/SetupPage.tsx'), 'SetupPage');
const ForbiddenPage = lazyPage(() => import('./pages/exception/Exception.tsx'), 'ForbiddenPage');
const NotFoundPage = lazyPage(() => import('./pages/exception/Exception.tsx'), 'NotFoundPage');

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
});

function Shell() {
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  setUnauthenticatedHandler(() => {
    queryClient.removeQueries({ queryKey: authKeys.all });
    if (location.pathname !== '/login' && location.pathname !== '/setup') navigate('/login');
  });
  if (location.pathname === '/login' || location.pathname === '/setup') {
    return (
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/setup" element={<SetupPage />} />
      </Routes>
    );
  }
  if (me.isLoading) return <Spin fullscreen />;
  if (!me.data) return <Navigate to="/login" replace />;
  const user = me.data;
  const access = accessOf(user);
  if (access.isOwner) {
    return (
      <Routes>
        <Route element={<PortalLayout me={user} />}>
          {portalRoutes.map((r) => (
            <Route key={r.path} path={r.path} element={r.element} />
          ))}
        </Route>
        <Route path="*" element={<Navigate to="/portal" replace />} />
      </Routes>
    );
  }
  return (
    <Routes>
      <Route element={<AppLayout me={user} />}>
        {appRoutes.map((r) => (
          <Route key={r.path} path={r.path} element={canOpen(r, access) ? r.element : <ForbiddenPage />} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

/** Users who ask their system for less motion get none: no zooming dialogs, no sliding menus. */
const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

function Root() {
  const { locale } = useI18n();
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider
      locale={locale === 'zh-CN' ? zhCN : enUS}
      theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6, motion: !reducedMotion } }}
    >
      <AntApp>
        <BrowserRouter>
          <Shell />
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Root />
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
