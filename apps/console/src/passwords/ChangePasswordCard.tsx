import { Alert, Box, Button, Card, CardContent, CircularProgress, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { passwordApi } from '../providers/passwordApi';
import { NewPasswordFields } from './NewPasswordFields';
import { useNewPasswordForm } from './useNewPasswordForm';

/** On the profile: changes my password; this device stays signed in, every other one is signed out. */
export const ChangePasswordCard = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [current, setCurrent] = useState('');
  const { password, setPassword, confirmation, setConfirmation, problems, submitting, submit } = useNewPasswordForm(
    async (newPassword) => {
      await passwordApi.change({ currentPassword: current, newPassword });
      setCurrent('');
      notify('cascade.passwords.changed', { type: 'success' });
    },
  );

  return (
    <Card sx={{ mt: 2 }} component="section" aria-label={translate('cascade.passwords.change_title')}>
      <CardContent>
        <Typography variant="h6" component="h2">
          {translate('cascade.passwords.change_title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('cascade.passwords.change_intro')}
        </Typography>
        <Box component="form" onSubmit={submit} noValidate sx={{ maxWidth: 420 }}>
          {problems.form && (
            <Alert severity="error" role="alert" sx={{ mb: 1 }}>
              {problems.form}
            </Alert>
          )}
          <TextField
            name="currentPassword"
            type="password"
            label={translate('cascade.passwords.current')}
            autoComplete="current-password"
            value={current}
            onChange={(event) => setCurrent(event.target.value)}
            error={Boolean(problems.fields.currentPassword)}
            helperText={problems.fields.currentPassword}
            fullWidth
            required
            margin="dense"
          />
          <NewPasswordFields
            value={password}
            confirmation={confirmation}
            onChange={setPassword}
            onConfirmationChange={setConfirmation}
            errors={problems.fields}
          />
          <Button type="submit" variant="contained" disabled={submitting || !current} sx={{ mt: 2 }}>
            {submitting ? <CircularProgress size={20} color="inherit" /> : translate('cascade.passwords.change_submit')}
          </Button>
        </Box>
      </CardContent>
    </Card>
  );
};
