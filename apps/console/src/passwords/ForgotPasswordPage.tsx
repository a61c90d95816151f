import { Alert, Box, Button, CircularProgress, Link, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { passwordApi } from '../providers/passwordApi';
import { toFormProblems, type FormProblems } from './passwordForm';
import { PublicCard } from './PublicCard';

/** Route `/forgot-password`: asks for a reset link. The answer never tells whether the account exists. */
export const ForgotPasswordPage = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [email, setEmail] = useState('');
  const [problems, setProblems] = useState<FormProblems>({ fields: {}, form: null });
  const [submitting, setSubmitting] = useState(false);
  const [sent, setSent] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitting(true);
    setProblems({ fields: {}, form: null });
    try {
      await passwordApi.forgot(email, locale);
      setSent(true);
    } catch (error) {
      setProblems(toFormProblems(error, translate('ra.notification.http_error')));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <PublicCard title={translate('cascade.passwords.forgot_title')}>
      {sent ? (
        <Alert severity="success" role="status" data-testid="forgot-sent">
          {translate('cascade.passwords.forgot_sent')}
        </Alert>
      ) : (
        <Box component="form" onSubmit={submit} noValidate>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {translate('cascade.passwords.forgot_intro')}
          </Typography>
          {problems.form && (
            <Alert severity="error" role="alert" sx={{ mb: 1 }}>
              {problems.form}
            </Alert>
          )}
          <TextField
            name="email"
            type="email"
            label={translate('cascade.login.email')}
            autoComplete="username"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={Boolean(problems.fields.email)}
            helperText={problems.fields.email}
            fullWidth
            required
            autoFocus
            margin="dense"
          />
          <Button type="submit" variant="contained" fullWidth disabled={submitting || !email.trim()} sx={{ mt: 2 }}>
            {submitting ? <CircularProgress size={20} color="inherit" /> : translate('cascade.passwords.forgot_submit')}
          </Button>
        </Box>
      )}
      <Box sx={{ mt: 2, textAlign: 'center' }}>
        <Link component={RouterLink} to="/login">
          {translate('cascade.passwords.back_to_login')}
        </Link>
      </Box>
    </PublicCard>
  );
};
