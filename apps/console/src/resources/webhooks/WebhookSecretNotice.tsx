import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Alert, AlertTitle, Box, IconButton, Tooltip } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';

/** A freshly generated secret, shown this one time: the API never answers it again. */
export const WebhookSecretNotice = ({ secret }: { secret: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const copy = async () => {
    await navigator.clipboard?.writeText(secret);
    notify('cascade.webhooks.copied', { type: 'info' });
  };
  return (
    <Alert severity="warning" sx={{ mb: 2 }} data-testid="webhook-secret">
      <AlertTitle>{translate('cascade.webhooks.secret_once_title')}</AlertTitle>
      {translate('cascade.webhooks.secret_once_body')}
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mt: 1 }}>
        <Box
          component="code"
          sx={{ fontFamily: 'monospace', bgcolor: 'background.paper', px: 1, py: 0.5, overflowWrap: 'anywhere' }}
        >
          {secret}
        </Box>
        <Tooltip title={translate('cascade.webhooks.copy')}>
          <IconButton size="small" onClick={() => void copy()} aria-label={translate('cascade.webhooks.copy')}>
            <ContentCopyIcon fontSize="small" />
          </IconButton>
        </Tooltip>
      </Box>
    </Alert>
  );
};
