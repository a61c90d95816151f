import type { ExamResultRow } from '@cascade/contracts';
import DownloadIcon from '@mui/icons-material/Download';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
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
import { useLocaleState, useTranslate } from 'react-admin';
import { useParams } from 'react-router-dom';
import { examApi } from '../../providers/examApi';
import { EnumChip } from '../EnumChip';
import { ATTEMPT_STATUS_COLORS } from '../examChoices';
import { useApiFile } from '../useApiFile';
import { useApiQuery } from '../useApiQuery';
import { DepartmentDigests } from './DepartmentDigests';
import { ExamPageHeader } from './ExamPageHeader';

const Figure = ({ label, value }: { label: string; value: string | number }) => (
  <Card variant="outlined" sx={{ flex: '1 1 140px' }}>
    <CardContent>
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="h5" sx={{ fontWeight: 700 }}>
        {value}
      </Typography>
    </CardContent>
  </Card>
);

function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}

const ResultRow = ({ row }: { row: ExamResultRow }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <TableRow data-testid="result-row">
      <TableCell>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {row.userName}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {row.username}
        </Typography>
      </TableCell>
      <TableCell>{row.department ?? '—'}</TableCell>
      <TableCell align="right">{row.number}</TableCell>
      <TableCell>
        <EnumChip value={row.status} prefix="cascade.attempt_status" colors={ATTEMPT_STATUS_COLORS} />
      </TableCell>
      <TableCell align="right">{row.score === null ? '—' : `${row.score} / ${row.maxScore ?? '—'}`}</TableCell>
      <TableCell align="right">{row.percent === null ? '—' : `${Math.round(row.percent)}%`}</TableCell>
      <TableCell>
        {row.passed === null ? (
          '—'
        ) : (
          <Chip
            size="small"
            color={row.passed ? 'success' : 'error'}
            label={translate(row.passed ? 'cascade.attempt.passed' : 'cascade.attempt.failed')}
          />
        )}
      </TableCell>
      <TableCell align="right">{formatDuration(row.timeTakenSeconds)}</TableCell>
      <TableCell>
        {row.submittedAt
          ? new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23' }).format(
              new Date(row.submittedAt),
            )
          : '—'}
      </TableCell>
    </TableRow>
  );
};

/** Route `/exams/:id/results`: each trainee's score, percent, pass and time, with an Excel export. */
export const ExamResultsPage = () => {
  const translate = useTranslate();
  const { id = '' } = useParams();
  const { save } = useApiFile();
  const { data, error, loading } = useApiQuery(() => examApi.results(id), id);
  const title = translate('cascade.results.title', { title: data?.title ?? '' });
  return (
    <Box sx={{ maxWidth: 1200 }}>
      <ExamPageHeader
        examId={id}
        title={title}
        actions={
          <Button
            variant="outlined"
            startIcon={<DownloadIcon />}
            onClick={() => void save(`/exams/${id}/results.xlsx`, 'results.xlsx')}
          >
            {translate('cascade.results.download')}
          </Button>
        }
      />
      {loading && !data && <LinearProgress />}
      {error && <Alert severity="error">{error.message}</Alert>}
      {data && (
        <>
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }}>
            <Figure label={translate('cascade.results.assigned')} value={data.assigned} />
            <Figure label={translate('cascade.results.attempted')} value={data.attempted} />
            <Figure label={translate('cascade.results.finalized')} value={data.finalized} />
            <Figure label={translate('cascade.results.passed')} value={data.passed} />
            <Figure
              label={translate('cascade.results.average')}
              value={data.averagePercent === null ? '—' : `${Math.round(data.averagePercent)}%`}
            />
            <Figure label={translate('cascade.results.pass_mark')} value={`${data.passPercent}%`} />
          </Stack>
          <Card variant="outlined">
            <TableContainer>
              <Table size="small" aria-label={title}>
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('cascade.results.trainee')}</TableCell>
                    <TableCell>{translate('cascade.results.department')}</TableCell>
                    <TableCell align="right">{translate('cascade.results.attempt')}</TableCell>
                    <TableCell>{translate('cascade.results.status')}</TableCell>
                    <TableCell align="right">{translate('cascade.results.score')}</TableCell>
                    <TableCell align="right">{translate('cascade.results.percent')}</TableCell>
                    <TableCell>{translate('cascade.results.outcome')}</TableCell>
                    <TableCell align="right">{translate('cascade.results.time_taken')}</TableCell>
                    <TableCell>{translate('cascade.results.submitted')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {data.rows.map((row) => (
                    <ResultRow key={row.attemptId} row={row} />
                  ))}
                  {data.rows.length === 0 && (
                    <TableRow>
                      <TableCell colSpan={9} sx={{ textAlign: 'center', color: 'text.secondary' }}>
                        {translate('cascade.results.none')}
                      </TableCell>
                    </TableRow>
                  )}
                </TableBody>
              </Table>
            </TableContainer>
          </Card>
        </>
      )}
      <DepartmentDigests examId={id} />
    </Box>
  );
};
