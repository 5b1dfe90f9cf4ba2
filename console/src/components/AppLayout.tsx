// The frame of every signed-in page: a skip link, the header (who is signed in, language,
// sign-out), the menu of the institution's pages, and the main region.
import { Button, Layout, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { clearSession } from '../auth/session.ts';
import { INSTITUTION_KIND, ROLE } from '../i18n/glossary.ts';
import { setLanguage, useText } from '../i18n/index.ts';
import { useMe } from './useMe.ts';

export function AppLayout() {
  const { t, pick, nameOf, language } = useText();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const kind = me?.institution.kind;
  // Each page of the institution's kind: where its link goes, and the paths it is current on.
  const items: { key: string; to: string; label: string }[] = [
    ...(kind === 'SERVICE' ? [{ key: '/operations', to: '/operations', label: t('nav.deadLetters') }] : []),
    ...(kind && kind !== 'ENFORCING_COURT' && kind !== 'SERVICE' && kind !== 'PROVINCE'
      ? [{ key: '/cases', to: '/cases', label: t('nav.cases') }]
      : []),
    ...(kind === 'ENFORCING_COURT' ? [{ key: '/requests', to: '/requests', label: t('nav.requests') }] : []),
    ...(kind === 'PROCURATORATE' ? [{ key: '/requests', to: '/requests', label: t('nav.overdue') }] : []),
    ...(kind === 'PROCURATORATE' ? [{ key: '/access', to: '/access', label: t('nav.access') }] : []),
    ...(kind === 'PRISON' ? [{ key: '/dossier', to: '/dossier/new', label: t('nav.newDossier') }] : []),
    ...(kind === 'ENFORCING_COURT'
      ? [{ key: '/statuses/upload', to: '/statuses/upload', label: t('nav.upload') }]
      : []),
    ...(kind && kind !== 'PROCURATORATE' && kind !== 'SERVICE' && kind !== 'PROVINCE'
      ? [{ key: '/rejections', to: '/rejections', label: t('nav.rejections') }]
      : []),
    ...(kind && kind !== 'PROCURATORATE'
      ? [{ key: '/assessment', to: '/assessment', label: t('nav.assessment') }]
      : []),
  ];
  const selected = items.find((i) => location.pathname.startsWith(i.key))?.key;
  const signOut = () => {
    clearSession();
    queryClient.clear();
    void navigate('/sign-in');
  };
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('app.skip')}
      </a>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, background: '#7f0a14' }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 18, whiteSpace: 'nowrap' }}>
          {t('app.title')}
        </Typography.Text>
        <nav aria-label={t('nav.cases')} style={{ flex: 1, minWidth: 0 }}>
          {/* Plain links in antd's dark-menu look (index.css): antd's Menu here measured about a
              tenth of the case list's first load (docs/capacity.md §8). */}
          <ul className="header-nav">
            {items.map((item) => (
              <li key={item.key}>
                <Link to={item.to} aria-current={item.key === selected ? 'page' : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {me && (
          <Space style={{ color: '#fff' }} data-testid="who">
            <span>
              {nameOf(me.institution)}（{pick(INSTITUTION_KIND[me.institution.kind])}）
            </span>
            <span>
              {me.username} · {pick(ROLE[me.role])}
            </span>
          </Space>
        )}
        <Button
          ghost
          size="small"
          onClick={() => setLanguage(language === 'zh' ? 'en' : 'zh')}
          lang={language === 'zh' ? 'en' : 'zh-CN'}
        >
          {t('app.language')}
        </Button>
        <Button ghost size="small" onClick={signOut}>
          {t('app.signOut')}
        </Button>
      </Layout.Header>
      <Layout.Content id="main" tabIndex={-1} style={{ padding: 24 }}>
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
