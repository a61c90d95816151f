import { Alert, Box, Button, Card, CardContent, CircularProgress, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { passwordApi } from '../providers/passwordApi';
import { NewPasswordFields } from './NewPasswordFields';
import { localProblems, toFormProblems, type FormProblems } from './passwordForm';

/** On the profile: changes my password; this device stays signed in, every other one is signed out. */
export const ChangePasswordCard = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [problems, setProblems] = useState<FormProblems>({ fields: {}, form: null });
  const [submitting, setSubmitting] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = localProblems(password, confirmation);
    if (Object.keys(local).length > 0) {
      const fields = Object.fromEntries(
        Object.entries(local).map(([field, key]) => [field, translate(`cascade.passwords.${key}`)]),
      );
      setProblems({ fields, form: null });
      return;
    }
    setSubmitting(true);
    setProblems({ fields: {}, form: null });
    try {
      await passwordApi.change({ currentPassword: current, newPassword: password });
      setCurrent('');
      setPassword('');
      setConfirmation('');
      notify('cascade.passwords.changed', { type: 'success' });
    } catch (error) {
      setProblems(toFormProblems(error, translate('ra.notification.http_error')));
    } finally {
      setSubmitting(false);
    }
  };

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
