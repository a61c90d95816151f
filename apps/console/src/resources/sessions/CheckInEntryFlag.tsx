import type { AttendanceSheetRow } from '@cascade/contracts';
import LockIcon from '@mui/icons-material/Lock';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import { Button, Chip, CircularProgress, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { checkInEntryApi } from './checkInEntryApi';

/** Beside a person's name: their code entry is closed after too many wrong codes, or how many they entered. */
export const CheckInEntryFlag = ({ row }: { row: AttendanceSheetRow }) => {
  const translate = useTranslate();
  const entry = row.checkInEntry;
  if (!entry || row.attendance) return null;
  if (entry.locked)
    return (
      <Tooltip title={translate('cascade.check_in_entry.locked_tip', { count: entry.wrongCodes })}>
        <Chip
          size="small"
          color="error"
          icon={<LockIcon />}
          label={translate('cascade.check_in_entry.locked')}
          sx={{ ml: 1 }}
          data-testid="check-in-locked"
        />
      </Tooltip>
    );
  return (
    <Typography component="span" variant="caption" color="warning.main" sx={{ ml: 1 }}>
      {translate('cascade.check_in_entry.wrong_codes', { count: entry.wrongCodes })}
    </Typography>
  );
};

/** Lets a trainer of the session give a locked-out person their code entry back. */
export const ReopenCheckInButton = ({
  sessionId,
  row,
  onReopened,
}: {
  sessionId: string;
  row: AttendanceSheetRow;
  onReopened: () => unknown;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const reopen = async () => {
    setBusy(true);
    try {
      await checkInEntryApi.reopen(sessionId, row.userId);
      notify('cascade.check_in_entry.reopened', { type: 'success', messageArgs: { name: row.name } });
      await onReopened();
    } catch (failure) {
      notify(failure instanceof Error ? failure.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      size="small"
      variant="outlined"
      startIcon={busy ? <CircularProgress size={14} color="inherit" /> : <LockOpenIcon />}
      disabled={busy}
      onClick={() => void reopen()}
      aria-label={`${translate('cascade.check_in_entry.reopen')} ${row.name}`}
    >
      {translate('cascade.check_in_entry.reopen')}
    </Button>
  );
};
