import type { WebhookView } from '@cascade/contracts';
import KeyIcon from '@mui/icons-material/Key';
import { Alert, Card, Chip, Stack } from '@mui/material';
import { useState } from 'react';
import {
  BooleanField,
  Button,
  DeleteButton,
  EditButton,
  Labeled,
  NumberField,
  ReferenceField,
  Show,
  TextField,
  TopToolbar,
  useCanAccess,
  useNotify,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useLocation } from 'react-router-dom';
import { notificationApi } from '../../providers/notificationApi';
import { DetailGrid } from '../DetailGrid';
import { LabeledValue } from '../LabeledValue';
import { LocaleDateField } from '../LocaleDateField';
import { WebhookDeliveries } from './WebhookDeliveries';
import { WebhookSecretNotice } from './WebhookSecretNotice';

const RotateSecretButton = ({ onRotated }: { onRotated: (secret: string) => void }) => {
  const webhook = useRecordContext<WebhookView>();
  const notify = useNotify();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'webhooks', action: 'edit' });
  const [busy, setBusy] = useState(false);
  if (!webhook || !canAccess) return null;
  const rotate = async () => {
    if (!window.confirm(translate('cascade.webhooks.rotate_confirm'))) return;
    setBusy(true);
    try {
      const rotated = await notificationApi.rotateSecret(String(webhook.id));
      if (rotated.secret) onRotated(rotated.secret);
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button label="cascade.webhooks.rotate" onClick={() => void rotate()} disabled={busy}>
      <KeyIcon />
    </Button>
  );
};

const Details = () => {
  const webhook = useRecordContext<WebhookView>();
  const translate = useTranslate();
  if (!webhook) return null;
  return (
    <Card>
      {webhook.disabledAt && (
        <Alert severity="error" sx={{ m: 2, mb: 0 }} data-testid="webhook-disabled">
          {translate('cascade.webhooks.disabled_because', { reason: webhook.disabledReason ?? '' })}
        </Alert>
      )}
      <DetailGrid>
        <Labeled source="url">
          <TextField source="url" sx={{ overflowWrap: 'anywhere' }} />
        </Labeled>
        <Labeled source="organizationId">
          <ReferenceField source="organizationId" reference="organizations" />
        </Labeled>
        <LabeledValue label={translate('resources.webhooks.fields.events')}>
          <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {webhook.events.map((event) => (
              <Chip key={event} size="small" label={translate(`cascade.events.${event}`)} />
            ))}
          </Stack>
        </LabeledValue>
        <Labeled source="enabled">
          <BooleanField source="enabled" />
        </Labeled>
        <Labeled source="consecutiveFailures">
          <NumberField source="consecutiveFailures" />
        </Labeled>
        <Labeled source="createdAt">
          <LocaleDateField source="createdAt" />
        </Labeled>
      </DetailGrid>
    </Card>
  );
};

const Deliveries = () => {
  const webhook = useRecordContext<WebhookView>();
  return webhook ? <WebhookDeliveries webhookId={String(webhook.id)} /> : null;
};

export const WebhookShow = () => {
  const location = useLocation();
  const [secret, setSecret] = useState<string | null>(
    (location.state as { secret?: string | null } | null)?.secret ?? null,
  );
  return (
    <Show
      component="div"
      actions={
        <TopToolbar>
          <RotateSecretButton onRotated={setSecret} />
          <EditButton />
          <DeleteButton mutationMode="pessimistic" />
        </TopToolbar>
      }
    >
      {secret && <WebhookSecretNotice secret={secret} />}
      <Details />
      <Deliveries />
    </Show>
  );
};
