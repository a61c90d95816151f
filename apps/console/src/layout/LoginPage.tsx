import { Alert, AlertTitle, Box, Button, CardContent, CircularProgress, Link, Typography } from '@mui/material';
import { useState } from 'react';
import {
  Form,
  HttpError,
  LocalesMenuButton,
  Login,
  PasswordInput,
  TextInput,
  email,
  required,
  useLogin,
  useTranslate,
} from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { isProblemBody } from '../providers/httpClient';
import type { Credentials } from '../providers/authProvider';

interface LoginFailure {
  detail: string;
  retryAfter?: number;
}

const toFailure = (error: unknown, fallback: string): LoginFailure => {
  if (error instanceof HttpError) {
    const retryAfter = isProblemBody(error.body) ? error.body.retryAfter : undefined;
    return { detail: error.message || fallback, retryAfter };
  }
  return { detail: fallback };
};

interface LoginFormProps {
  /** Where to go after signing in; by default the page that asked for it, or the dashboard. */
  redirectTo?: string;
  /** The language menu; off where the page shows its own. */
  showLanguages?: boolean;
}

export const LoginForm = ({ redirectTo, showLanguages = true }: LoginFormProps) => {
  const translate = useTranslate();
  const login = useLogin();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<LoginFailure | null>(null);

  const submit = async (values: Record<string, unknown>) => {
    setSubmitting(true);
    setFailure(null);
    try {
      await login(values as unknown as Credentials, redirectTo);
    } catch (error) {
      setFailure(toFailure(error, translate('ra.notification.http_error')));
      setSubmitting(false);
    }
  };

  return (
    <Form onSubmit={submit} noValidate>
      <CardContent sx={{ width: { xs: 'calc(100vw - 48px)', sm: 340 }, maxWidth: 340, pb: '16px !important' }}>
        <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
          <Typography variant="h6" component="h1">
            {translate('cascade.login.title')}
          </Typography>
          {showLanguages && <LocalesMenuButton />}
        </Box>
        {failure && (
          <Alert severity="error" sx={{ mb: 1 }} role="alert">
            <AlertTitle>{translate('cascade.login.failed')}</AlertTitle>
            {failure.detail}
            {failure.retryAfter !== undefined && (
              <Box component="span" sx={{ display: 'block', mt: 0.5 }}>
                {translate('cascade.login.throttled', { seconds: failure.retryAfter })}
              </Box>
            )}
          </Alert>
        )}
        <TextInput
          source="email"
          type="email"
          label={translate('cascade.login.email')}
          autoComplete="username"
          autoFocus
          validate={[required(), email()]}
        />
        <PasswordInput
          source="password"
          label={translate('cascade.login.password')}
          autoComplete="current-password"
          validate={required()}
        />
        <Button variant="contained" type="submit" color="primary" disabled={submitting} fullWidth sx={{ mt: 1 }}>
          {submitting ? (
            <CircularProgress size={20} thickness={3} color="inherit" />
          ) : (
            translate('cascade.login.submit')
          )}
        </Button>
        <Box sx={{ mt: 1.5, textAlign: 'center' }}>
          <Link component={RouterLink} to="/forgot-password" variant="body2">
            {translate('cascade.passwords.forgot_link')}
          </Link>
        </Box>
      </CardContent>
    </Form>
  );
};

export const LoginPage = () => (
  <Login
    sx={{
      backgroundImage: 'linear-gradient(135deg, #1f4e79 0%, #2e75b6 55%, #e8f1fa 100%)',
    }}
  >
    <LoginForm />
  </Login>
);
