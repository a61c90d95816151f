import type { UserView } from '@cascade/contracts';
import LockResetIcon from '@mui/icons-material/LockReset';
import { useState } from 'react';
import { Button, useCanAccess, useNotify, useRecordContext } from 'react-admin';
import { passwordApi } from '../../providers/passwordApi';

/** Emails the user a one-hour link to choose a new password; their current one works until then. */
export const UserPasswordResetButton = () => {
  const record = useRecordContext<UserView>();
  const notify = useNotify();
  const { canAccess } = useCanAccess({ resource: 'users', action: 'edit', record });
  const [busy, setBusy] = useState(false);

  if (!record || !canAccess || !record.active) return null;

  const send = async () => {
    setBusy(true);
    try {
      await passwordApi.sendResetLink(record.id);
      notify('cascade.passwords.reset_sent', { type: 'success', messageArgs: { email: record.email } });
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button label="cascade.passwords.send_reset" onClick={send} disabled={busy}>
      <LockResetIcon />
    </Button>
  );
};
