import type { AttendanceSheetRow, TrainingSessionView } from '@cascade/contracts';
import HowToRegIcon from '@mui/icons-material/HowToReg';
import RefreshIcon from '@mui/icons-material/Refresh';
import {
  Alert,
  Button,
  Card,
  CardContent,
  IconButton,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  ToggleButton,
  ToggleButtonGroup,
  Tooltip,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useLocaleState, useNotify, useTranslate } from 'react-admin';
import type { CascadeDataProvider } from '../../providers/dataProvider';
import { EnumChip } from '../EnumChip';
import { TextPromptDialog } from '../TextPromptDialog';
import { useApiQuery } from '../useApiQuery';
import { ATTENDANCE_COLORS, MARKS, type Mark } from './attendanceDisplay';
import { CheckInEntryFlag, ReopenCheckInButton } from './CheckInEntryFlag';
import { formatClock } from './sessionDisplay';

const MarkButtons = ({
  row,
  onMark,
  disabled,
}: {
  row: AttendanceSheetRow;
  onMark: (row: AttendanceSheetRow, mark: Mark) => void;
  disabled: boolean;
}) => {
  const translate = useTranslate();
  const status = row.attendance?.status;
  if (status === 'pending_approval') {
    return (
      <Button
        size="small"
        variant="contained"
        startIcon={<HowToRegIcon />}
        onClick={() => onMark(row, 'present')}
        disabled={disabled}
      >
        {translate('cascade.checkin.approve')}
      </Button>
    );
  }
  return (
    <ToggleButtonGroup
      exclusive
      size="small"
      value={status ?? null}
      disabled={disabled}
      onChange={(_, mark: Mark | null) => mark && onMark(row, mark)}
      aria-label={translate('cascade.sessions.mark_for', { name: row.name })}
    >
      {MARKS.map((mark) => (
        <ToggleButton key={mark} value={mark} sx={{ py: 0.25, px: 1 }}>
          {translate(`cascade.attendance_status.${mark}`)}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
};

/** Everyone expected or checked in, with the trainer's marks: present, late, excused (with a note), absent. */
export const AttendanceSheet = ({ session, canMark }: { session: TrainingSessionView; canMark: boolean }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<CascadeDataProvider>();
  const {
    data: sheet,
    error,
    loading,
    reload,
  } = useApiQuery(() => dataProvider.attendanceSheet(session.id), `${session.id}@${session.updatedAt}`);
  const [excusing, setExcusing] = useState<AttendanceSheetRow | null>(null);
  const [busy, setBusy] = useState(false);

  const mark = async (row: AttendanceSheetRow, status: Mark, note?: string) => {
    setBusy(true);
    try {
      await dataProvider.markAttendance(session.id, { userId: row.userId, status, ...(note ? { note } : {}) });
      await reload();
    } finally {
      setBusy(false);
    }
  };
  const onMark = (row: AttendanceSheetRow, status: Mark) => {
    if (status === 'excused') return setExcusing(row);
    mark(row, status).catch((failure: unknown) =>
      notify(failure instanceof Error ? failure.message : 'ra.notification.http_error', { type: 'error' }),
    );
  };

  return (
    <Card sx={{ mt: 2 }}>
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
          <Typography variant="h6" component="h2" sx={{ flex: '1 1 auto' }}>
            {translate('cascade.sessions.attendance')}
            {sheet &&
              ` · ${translate('cascade.checkin.count', { checkedIn: sheet.checkedIn, enrolled: sheet.enrolled })}`}
          </Typography>
          <Tooltip title={translate('ra.action.refresh')}>
            <IconButton aria-label={translate('ra.action.refresh')} onClick={() => void reload()}>
              <RefreshIcon />
            </IconButton>
          </Tooltip>
        </Stack>
        {loading && <LinearProgress />}
        {error && <Alert severity="error">{error.message}</Alert>}
        {sheet && sheet.rows.length === 0 && (
          <Typography color="text.secondary">{translate('cascade.sessions.no_enrollments')}</Typography>
        )}
        {sheet && sheet.rows.length > 0 && (
          <TableContainer>
            <Table size="small" aria-label={translate('cascade.sessions.attendance')}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate('cascade.sessions.trainee')}</TableCell>
                  <TableCell>{translate('cascade.sessions.department')}</TableCell>
                  <TableCell>{translate('cascade.sessions.attendance_status')}</TableCell>
                  <TableCell>{translate('cascade.checkin.checked_in_at')}</TableCell>
                  <TableCell>{translate('cascade.sessions.note')}</TableCell>
                  {canMark && <TableCell align="right">{translate('cascade.sessions.mark')}</TableCell>}
                </TableRow>
              </TableHead>
              <TableBody>
                {sheet.rows.map((row) => (
                  <TableRow key={row.userId}>
                    <TableCell>
                      {row.name}
                      {!row.enrolled && (
                        <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1 }}>
                          {translate('cascade.checkin.walk_in')}
                        </Typography>
                      )}
                      <CheckInEntryFlag row={row} />
                    </TableCell>
                    <TableCell>{row.departmentName ?? '—'}</TableCell>
                    <TableCell>
                      {row.attendance ? (
                        <EnumChip
                          value={row.attendance.status}
                          prefix="cascade.attendance_status"
                          colors={ATTENDANCE_COLORS}
                        />
                      ) : (
                        <Typography variant="body2" color="text.secondary">
                          {translate('cascade.checkin.not_arrived')}
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell>
                      {row.attendance?.checkedInAt ? formatClock(row.attendance.checkedInAt, locale) : '—'}
                      {row.attendance && row.attendance.minutesLate > 0 && (
                        <Typography component="span" variant="caption" color="warning.main" sx={{ ml: 1 }}>
                          {translate('cascade.checkin.late_minutes', { minutes: row.attendance.minutesLate })}
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell sx={{ maxWidth: 220, overflowWrap: 'anywhere' }}>{row.attendance?.note ?? ''}</TableCell>
                    {canMark && (
                      <TableCell align="right">
                        <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end', alignItems: 'center' }}>
                          {row.checkInEntry?.locked && !row.attendance && (
                            <ReopenCheckInButton sessionId={session.id} row={row} onReopened={reload} />
                          )}
                          <MarkButtons row={row} onMark={onMark} disabled={busy || session.status === 'cancelled'} />
                        </Stack>
                      </TableCell>
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </CardContent>
      <TextPromptDialog
        open={excusing !== null}
        title={translate('cascade.sessions.excuse_title', { name: excusing?.name ?? '' })}
        label={translate('cascade.sessions.note')}
        required
        confirmLabel={translate('cascade.attendance_status.excused')}
        onClose={() => setExcusing(null)}
        onConfirm={async (note) => {
          if (!excusing) return;
          await mark(excusing, 'excused', note);
          setExcusing(null);
        }}
      />
    </Card>
  );
};
