// Sign-in: a username and password form with the local issuer (`npm start`), or one button that
// goes to the operator's OpenID Connect provider on AWS. /api/config says which.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { signIn } from '../api/client.ts';
import { configQuery, type SignInConfig } from '../api/queries.ts';
import { startOidcSignIn } from '../auth/oidc.ts';
import { saveToken } from '../auth/session.ts';
import { setLanguage, useText } from '../i18n/index.ts';

export default function SignInPage() {
  const { t, language } = useText();
  const { data: config } = useQuery(configQuery);
  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f5f5' }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={1} style={{ fontSize: 22, textAlign: 'center' }}>
          {t('app.title')}
        </Typography.Title>
        <Typography.Title level={2} style={{ fontSize: 18 }}>
          {t('signIn.title')}
        </Typography.Title>
        {!config ? <Spin /> : config.signIn === 'oidc' ? <OidcSignIn config={config} /> : <PasswordSignIn />}
        <Button type="link" onClick={() => setLanguage(language === 'zh' ? 'en' : 'zh')} style={{ marginTop: 8 }}>
          {t('app.language')}
        </Button>
      </Card>
    </main>
  );
}

function OidcSignIn({ config }: { config: SignInConfig }) {
  const { t } = useText();
  const [busy, setBusy] = useState(false);
  const go = () => {
    setBusy(true);
    void startOidcSignIn({ issuer: config.issuer, clientId: config.clientId ?? '', scope: config.scope ?? 'openid' });
  };
  return (
    <>
      <Typography.Paragraph>{t('signIn.oidcHint')}</Typography.Paragraph>
      <Button type="primary" block loading={busy} onClick={go} autoFocus>
        {t('signIn.oidc')}
      </Button>
    </>
  );
}

function PasswordSignIn() {
  const { t } = useText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    const token = await signIn(values.username.trim(), values.password);
    setBusy(false);
    if (!token) return setFailed(true);
    saveToken(token);
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'config' });
    void navigate('/');
  };
  return (
    <>
      {failed && <Alert type="error" title={t('signIn.failed')} role="alert" style={{ marginBottom: 16 }} />}
      <Form layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          label={t('signIn.username')}
          name="username"
          rules={[{ required: true, message: t('signIn.required', { field: t('signIn.username') }) }]}
        >
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item
          label={t('signIn.password')}
          name="password"
          rules={[{ required: true, message: t('signIn.required', { field: t('signIn.password') }) }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('signIn.submit')}
        </Button>
      </Form>
    </>
  );
}
