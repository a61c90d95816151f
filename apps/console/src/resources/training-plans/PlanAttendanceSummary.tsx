import type { TrainingPlanView } from '@cascade/contracts';
import {
  Alert,
  Box,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useDataProvider, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import type { CascadeDataProvider } from '../../providers/dataProvider';
import { useApiQuery } from '../useApiQuery';

const percent = (rate: number | null, locale: string) =>
  rate === null ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(rate);

/** Attendance per trainee over the plan's held sessions, as the report endpoint computes it. */
export const PlanAttendanceSummary = () => {
  const plan = useRecordContext<TrainingPlanView>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<CascadeDataProvider>();
  const { data, error, loading } = useApiQuery(
    () => dataProvider.planAttendanceSummary(plan?.id ?? ''),
    plan ? `${plan.id}@${plan.updatedAt}` : undefined,
  );
  const column = (name: string) => translate(`cascade.attendance_summary.${name}`);
  return (
    <Box>
      {loading && <LinearProgress />}
      {error && <Alert severity="error">{error.message}</Alert>}
      {data && (
        <>
          <Stack direction="row" spacing={4} sx={{ mb: 2 }}>
            <Box>
              <Typography variant="caption" color="text.secondary">
                {column('sessions_held')}
              </Typography>
              <Typography variant="h5">{data.sessionsHeld}</Typography>
            </Box>
            <Box>
              <Typography variant="caption" color="text.secondary">
                {column('rate')}
              </Typography>
              <Typography variant="h5">{percent(data.rate, locale)}</Typography>
            </Box>
          </Stack>
          {data.trainees.length === 0 ? (
            <Typography color="text.secondary">{column('empty')}</Typography>
          ) : (
            <TableContainer>
              <Table size="small" aria-label={translate('cascade.plans.tabs.attendance')}>
                <TableHead>
                  <TableRow>
                    <TableCell>{column('trainee')}</TableCell>
                    <TableCell align="right">{column('assigned')}</TableCell>
                    <TableCell align="right">{translate('cascade.attendance_status.present')}</TableCell>
                    <TableCell align="right">{translate('cascade.attendance_status.late')}</TableCell>
                    <TableCell align="right">{translate('cascade.attendance_status.excused')}</TableCell>
                    <TableCell align="right">{translate('cascade.attendance_status.absent')}</TableCell>
                    <TableCell align="right">{column('rate')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {data.trainees.map((trainee) => (
                    <TableRow key={trainee.userId}>
                      <TableCell>{trainee.name}</TableCell>
                      <TableCell align="right">{trainee.assigned}</TableCell>
                      <TableCell align="right">{trainee.present}</TableCell>
                      <TableCell align="right">{trainee.late}</TableCell>
                      <TableCell align="right">{trainee.excused}</TableCell>
                      <TableCell align="right">{trainee.absent}</TableCell>
                      <TableCell align="right">{percent(trainee.rate, locale)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
          )}
        </>
      )}
    </Box>
  );
};
