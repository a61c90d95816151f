import { NOTIFICATION_EVENTS, type NotificationEvent, type NotificationPreferencesView } from '@cascade/contracts';
import { Alert, Card, CardContent, FormControlLabel, LinearProgress, Stack, Switch, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { notificationApi } from '../providers/notificationApi';
import { useApiQuery } from '../resources/useApiQuery';

/** Per event, whether an email comes besides the inbox message; each switch saves at once. */
export const NotificationPreferencesCard = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const { data, error, loading } = useApiQuery(() => notificationApi.preferences(), 'mine');
  const [preferences, setPreferences] = useState<NotificationPreferencesView>();
  const [saving, setSaving] = useState<NotificationEvent | null>(null);
  useEffect(() => setPreferences(data), [data]);

  const toggle = async (event: NotificationEvent, email: boolean) => {
    setSaving(event);
    try {
      setPreferences(await notificationApi.setPreferences({ [event]: email }));
      notify('cascade.preferences.saved', { type: 'success' });
    } catch (failure) {
      notify(failure instanceof Error ? failure.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setSaving(null);
    }
  };

  // Events this version of the server does not know yet are not offered.
  const events = NOTIFICATION_EVENTS.filter((event) => preferences && event in preferences.email);
  return (
    <Card sx={{ mt: 2 }} component="section" aria-label={translate('cascade.preferences.title')}>
      {loading && <LinearProgress />}
      <CardContent>
        <Typography variant="h6" component="h2">
          {translate('cascade.preferences.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('cascade.preferences.intro')}
        </Typography>
        {error && <Alert severity="error">{error.message}</Alert>}
        {preferences && !preferences.emailAvailable && (
          <Alert severity="info" sx={{ mb: 1 }} data-testid="email-unavailable">
            {translate('cascade.preferences.email_unavailable')}
          </Alert>
        )}
        <Stack>
          {preferences &&
            events.map((event) => (
              <FormControlLabel
                key={event}
                control={
                  <Switch
                    checked={preferences.email[event]}
                    disabled={!preferences.emailAvailable || saving !== null}
                    onChange={(_, checked) => void toggle(event, checked)}
                  />
                }
                label={translate(`cascade.events.${event}`)}
                sx={{ py: 0.25, mr: 0 }}
              />
            ))}
        </Stack>
      </CardContent>
    </Card>
  );
};
