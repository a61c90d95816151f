import type { UserView } from '@cascade/contracts';
import BlockIcon from '@mui/icons-material/Block';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { useState } from 'react';
import {
  Button,
  Confirm,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { CascadeDataProvider } from '../../providers/dataProvider';

/** Deactivate (with confirmation) or activate the current user record. */
export const UserActivationButton = () => {
  const record = useRecordContext<UserView>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<CascadeDataProvider>();
  const { canAccess } = useCanAccess({ resource: 'users', action: 'edit', record });
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  if (!record || !canAccess) return null;

  const apply = async (active: boolean) => {
    setBusy(true);
    try {
      await dataProvider.setUserActive(record.id, active);
      notify(active ? 'cascade.users.activated' : 'cascade.users.deactivated', { type: 'success' });
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  if (!record.active) {
    return (
      <Button label="cascade.users.activate" onClick={() => apply(true)} disabled={busy}>
        <CheckCircleIcon />
      </Button>
    );
  }
  return (
    <>
      <Button label="cascade.users.deactivate" onClick={() => setConfirming(true)} disabled={busy} color="error">
        <BlockIcon />
      </Button>
      <Confirm
        isOpen={confirming}
        loading={busy}
        title={translate('cascade.users.deactivate_title', { name: record.name })}
        content="cascade.users.deactivate_content"
        confirm="cascade.users.deactivate"
        confirmColor="warning"
        onConfirm={() => apply(false)}
        onClose={() => setConfirming(false)}
      />
    </>
  );
};
