import CloudDoneIcon from '@mui/icons-material/CloudDone';
import CloudOffIcon from '@mui/icons-material/CloudOff';
import CloudUploadIcon from '@mui/icons-material/CloudUpload';
import { Stack, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import type { QueueState } from './answerQueue';

export type SaveStatus = 'saved' | 'saving' | 'offline' | 'idle';

export function saveStatusOf(queue: QueueState): SaveStatus {
  if (queue.offline && queue.pending > 0) return 'offline';
  if (queue.pending > 0 || queue.sending) return 'saving';
  return queue.lastSavedAt ? 'saved' : 'idle';
}

/** Where the trainee's answers are: on the server, on their way, or kept on this phone while offline. */
export const SaveIndicator = ({ queue }: { queue: QueueState }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const status = saveStatusOf(queue);
  const time = queue.lastSavedAt
    ? new Intl.DateTimeFormat(locale, { timeStyle: 'medium', hourCycle: 'h23' }).format(queue.lastSavedAt)
    : '';
  const text =
    status === 'offline'
      ? translate('cascade.attempt.save_offline', { smart_count: queue.pending })
      : status === 'saving'
        ? translate('cascade.attempt.save_saving')
        : status === 'saved'
          ? translate('cascade.attempt.save_saved', { time })
          : translate('cascade.attempt.save_idle');
  const Icon = status === 'offline' ? CloudOffIcon : status === 'saving' ? CloudUploadIcon : CloudDoneIcon;
  return (
    <Stack
      direction="row"
      spacing={0.5}
      role="status"
      aria-live="polite"
      data-testid="save-indicator"
      data-status={status}
      data-pending={queue.pending}
      sx={{ alignItems: 'center', minWidth: 0 }}
    >
      <Icon fontSize="small" />
      <Typography variant="caption" noWrap>
        {text}
      </Typography>
    </Stack>
  );
};
