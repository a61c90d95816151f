import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import EventRepeatIcon from '@mui/icons-material/EventRepeat';
import { Button, Card, CardContent, IconButton, Stack, TextField, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { Confirm, useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { CascadeDataProvider } from '../providers/dataProvider';

/** The personal calendar feed URL, to subscribe once in any calendar app; resetting revokes the old one. */
export const CalendarFeedCard = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<CascadeDataProvider>();
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmingReset, setConfirmingReset] = useState(false);

  const load = async (reset: boolean) => {
    setBusy(true);
    try {
      setUrl(await dataProvider.calendarFeed(reset));
      if (reset) notify('cascade.calendar_feed.reset_done', { type: 'success' });
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
      setConfirmingReset(false);
    }
  };

  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      notify('cascade.calendar_feed.copied', { type: 'info' });
    } catch {
      // Clipboard access can be refused; the field stays selectable.
    }
  };

  return (
    <Card variant="outlined">
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
          <EventRepeatIcon color="primary" />
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
            {translate('cascade.calendar_feed.title')}
          </Typography>
        </Stack>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('cascade.calendar_feed.help')}
        </Typography>
        {url ? (
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <TextField
              value={url}
              size="small"
              fullWidth
              label={translate('cascade.calendar_feed.url')}
              slotProps={{
                htmlInput: { readOnly: true, onFocus: (event: { target: HTMLInputElement }) => event.target.select() },
              }}
            />
            <Tooltip title={translate('cascade.calendar_feed.copy')}>
              <IconButton aria-label={translate('cascade.calendar_feed.copy')} onClick={copy}>
                <ContentCopyIcon />
              </IconButton>
            </Tooltip>
          </Stack>
        ) : (
          <Button variant="outlined" size="small" disabled={busy} onClick={() => load(false)}>
            {translate('cascade.calendar_feed.show')}
          </Button>
        )}
        {url && (
          <Button size="small" color="warning" sx={{ mt: 1 }} disabled={busy} onClick={() => setConfirmingReset(true)}>
            {translate('cascade.calendar_feed.reset')}
          </Button>
        )}
        <Confirm
          isOpen={confirmingReset}
          loading={busy}
          title="cascade.calendar_feed.reset"
          content="cascade.calendar_feed.reset_help"
          onConfirm={() => load(true)}
          onClose={() => setConfirmingReset(false)}
        />
      </CardContent>
    </Card>
  );
};
