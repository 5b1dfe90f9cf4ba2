import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { signIn } from '../api/client.ts';
import { saveToken } from '../auth/session.ts';
import { setLanguage, useText } from '../i18n/index.ts';

export default function SignInPage() {
  const { t, language } = useText();
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
    queryClient.clear();
    void navigate('/');
  };
  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f5f5' }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={1} style={{ fontSize: 22, textAlign: 'center' }}>
          {t('app.title')}
        </Typography.Title>
        <Typography.Title level={2} style={{ fontSize: 18 }}>
          {t('signIn.title')}
        </Typography.Title>
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
        <Button type="link" onClick={() => setLanguage(language === 'zh' ? 'en' : 'zh')} style={{ marginTop: 8 }}>
          {t('app.language')}
        </Button>
      </Card>
    </main>
  );
}
