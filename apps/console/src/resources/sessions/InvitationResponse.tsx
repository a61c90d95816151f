import type { TrainingSessionView } from '@cascade/contracts';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import { Button, Stack } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useGetIdentity, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { CascadeDataProvider } from '../../providers/dataProvider';

/** The signed-in trainee's enrollment in the session, if any. */
export function useMyEnrollment(session: TrainingSessionView | undefined) {
  const { identity } = useGetIdentity();
  return identity && session
    ? session.enrollments.find((enrollment) => enrollment.userId === String(identity.id))
    : undefined;
}

/** Accept or decline an invitation; either answer can be changed until the session starts. */
export const InvitationResponse = ({
  session,
  onAnswered,
}: {
  session: TrainingSessionView;
  onAnswered?: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<CascadeDataProvider>();
  const enrollment = useMyEnrollment(session);
  const [busy, setBusy] = useState(false);
  if (!enrollment || session.status === 'cancelled' || Date.parse(session.startsAt) < Date.now()) return null;

  const respond = async (response: 'accepted' | 'declined') => {
    setBusy(true);
    try {
      await dataProvider.respondToInvitation(session.id, response);
      notify(`cascade.sessions.responded.${response}`, { type: 'success' });
      refresh();
      onAnswered?.();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack direction="row" spacing={1}>
      <Button
        size="small"
        variant={enrollment.status === 'accepted' ? 'contained' : 'outlined'}
        color="success"
        startIcon={<CheckIcon />}
        disabled={busy || enrollment.status === 'accepted'}
        onClick={() => respond('accepted')}
      >
        {translate('cascade.sessions.accept')}
      </Button>
      <Button
        size="small"
        variant={enrollment.status === 'declined' ? 'contained' : 'outlined'}
        color="error"
        startIcon={<CloseIcon />}
        disabled={busy || enrollment.status === 'declined'}
        onClick={() => respond('declined')}
      >
        {translate('cascade.sessions.decline')}
      </Button>
    </Stack>
  );
};
