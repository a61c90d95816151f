import { Alert, Box, Button, CircularProgress, Link, Typography } from '@mui/material';
import { useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import { passwordApi } from '../providers/passwordApi';
import { NewPasswordFields } from './NewPasswordFields';
import { PublicCard } from './PublicCard';
import { useNewPasswordForm } from './useNewPasswordForm';

/**
 * Route `/set-password?token=…`, opened from a reset or invitation email, signed in or not:
 * the new password is set with the link's token, which then stops working.
 */
export const SetPasswordPage = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [done, setDone] = useState(false);
  const { password, setPassword, confirmation, setConfirmation, problems, submitting, submit } = useNewPasswordForm(
    async (newPassword) => {
      await passwordApi.reset({ token, newPassword }, locale);
      setDone(true);
    },
  );

  const askAgain = (
    <Link component={RouterLink} to="/forgot-password">
      {translate('cascade.passwords.ask_again')}
    </Link>
  );

  return (
    <PublicCard title={translate('cascade.passwords.set_title')}>
      {!token ? (
        <Alert severity="warning" role="alert">
          {translate('cascade.passwords.no_token')} {askAgain}
        </Alert>
      ) : done ? (
        <Box data-testid="set-password-done">
          <Alert severity="success" role="status" sx={{ mb: 2 }}>
            {translate('cascade.passwords.set_done')}
          </Alert>
          <Button component={RouterLink} to="/login" variant="contained" fullWidth>
            {translate('cascade.passwords.go_to_login')}
          </Button>
        </Box>
      ) : (
        <Box component="form" onSubmit={submit} noValidate>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {translate('cascade.passwords.set_intro')}
          </Typography>
          {(problems.form || problems.fields.token) && (
            <Alert severity="error" role="alert" sx={{ mb: 1 }}>
              {problems.fields.token ?? problems.form} {problems.fields.token ? askAgain : null}
            </Alert>
          )}
          <NewPasswordFields
            value={password}
            confirmation={confirmation}
            onChange={setPassword}
            onConfirmationChange={setConfirmation}
            errors={problems.fields}
          />
          <Button type="submit" variant="contained" fullWidth disabled={submitting} sx={{ mt: 2 }}>
            {submitting ? <CircularProgress size={20} color="inherit" /> : translate('cascade.passwords.set_submit')}
          </Button>
        </Box>
      )}
    </PublicCard>
  );
};
