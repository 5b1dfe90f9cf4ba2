// Where the OpenID Connect provider sends the browser back: exchange the code for tokens, keep
// the ID token for the API, and go to the user's start page.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { configQuery } from '../api/queries.ts';
import { completeOidcSignIn } from '../auth/oidc.ts';
import { saveToken } from '../auth/session.ts';
import { useText } from '../i18n/index.ts';

export default function SignInCallbackPage() {
  const { t } = useText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: config } = useQuery(configQuery);
  const [error, setError] = useState<string>();
  // The code can be exchanged once; React's development double effects must not try twice.
  const started = useRef(false);
  useEffect(() => {
    if (!config || config.signIn !== 'oidc' || started.current) return;
    started.current = true;
    completeOidcSignIn({ issuer: config.issuer, clientId: config.clientId ?? '', scope: config.scope ?? 'openid' })
      .then((token) => {
        saveToken(token);
        queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'config' });
        void navigate('/', { replace: true });
      })
      .catch((reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)));
  }, [config, navigate, queryClient]);
  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f5f5' }}>
      <Card style={{ width: 380 }}>
        {error ? (
          <>
            <Alert type="error" role="alert" title={t('signIn.oidcFailed', { reason: error })} />
            <Button type="link" onClick={() => void navigate('/sign-in', { replace: true })}>
              {t('signIn.retry')}
            </Button>
          </>
        ) : (
          <Spin tip={t('signIn.completing')}>
            <div style={{ height: 48 }} />
          </Spin>
        )}
      </Card>
    </main>
  );
}
