// The frame of every signed-in page: a skip link, the header (who is signed in, language,
// sign-out), the menu of the institution's pages, and the main region.
import { Button, Layout, Menu, Space, Typography } from 'antd';
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
  const items = [
    ...(kind === 'SERVICE'
      ? [{ key: '/operations', label: <Link to="/operations">{t('nav.deadLetters')}</Link> }]
      : []),
    ...(kind && kind !== 'ENFORCING_COURT' && kind !== 'SERVICE' && kind !== 'PROVINCE'
      ? [{ key: '/cases', label: <Link to="/cases">{t('nav.cases')}</Link> }]
      : []),
    ...(kind === 'ENFORCING_COURT'
      ? [{ key: '/requests', label: <Link to="/requests">{t('nav.requests')}</Link> }]
      : []),
    ...(kind === 'PROCURATORATE' ? [{ key: '/requests', label: <Link to="/requests">{t('nav.overdue')}</Link> }] : []),
    ...(kind === 'PROCURATORATE' ? [{ key: '/access', label: <Link to="/access">{t('nav.access')}</Link> }] : []),
    ...(kind === 'PRISON' ? [{ key: '/dossier', label: <Link to="/dossier/new">{t('nav.newDossier')}</Link> }] : []),
    ...(kind === 'ENFORCING_COURT'
      ? [{ key: '/statuses/upload', label: <Link to="/statuses/upload">{t('nav.upload')}</Link> }]
      : []),
    ...(kind && kind !== 'PROCURATORATE' && kind !== 'SERVICE' && kind !== 'PROVINCE'
      ? [{ key: '/rejections', label: <Link to="/rejections">{t('nav.rejections')}</Link> }]
      : []),
    ...(kind && kind !== 'PROCURATORATE'
      ? [{ key: '/assessment', label: <Link to="/assessment">{t('nav.assessment')}</Link> }]
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
          <Menu
            mode="horizontal"
            theme="dark"
            selectedKeys={selected ? [selected] : []}
            items={items}
            style={{ background: 'transparent' }}
          />
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
