import type { MyExamView } from '@cascade/contracts';
import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedIn';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import TimerIcon from '@mui/icons-material/Timer';
import {
  Alert,
  Box,
  Button,
  Card,
  CardActions,
  CardContent,
  Chip,
  CircularProgress,
  LinearProgress,
  Stack,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Title, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { examApi } from '../../providers/examApi';
import { useApiQuery } from '../../resources/useApiQuery';

function formatWindow(opensAt: string, closesAt: string, locale: string): string {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' });
  return `${format.format(new Date(opensAt))} – ${format.format(new Date(closesAt))}`;
}

const LastAttempt = ({ last }: { last: NonNullable<MyExamView['lastAttempt']> }) => {
  const translate = useTranslate();
  if (last.status === 'finalized' && last.percent !== null) {
    return (
      <Chip
        size="small"
        color={last.passed ? 'success' : 'error'}
        label={translate(last.passed ? 'cascade.my_exams.passed_with' : 'cascade.my_exams.failed_with', {
          percent: Math.round(last.percent),
        })}
      />
    );
  }
  return <Chip size="small" variant="outlined" label={translate(`cascade.attempt_status.${last.status}`)} />;
};

const ExamCard = ({ entry }: { entry: MyExamView }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const navigate = useNavigate();
  const [starting, setStarting] = useState(false);
  const { exam } = entry;

  // Starting twice is harmless: the server gives back the open attempt.
  const start = async () => {
    setStarting(true);
    try {
      const attempt = await examApi.startAttempt(exam.id);
      navigate(`/attempts/${attempt.id}`);
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
      setStarting(false);
    }
  };

  return (
    <Card variant="outlined" component="article" aria-label={exam.title} data-testid="my-exam">
      <CardContent sx={{ pb: 1 }}>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 0.5 }}>
          <Chip size="small" color="primary" variant="outlined" label={translate(`cascade.exam_kind.${exam.kind}`)} />
          {entry.lastAttempt && <LastAttempt last={entry.lastAttempt} />}
        </Stack>
        <Typography variant="h6" component="h2" sx={{ fontWeight: 600, lineHeight: 1.3 }}>
          {exam.title}
        </Typography>
        <Typography variant="body2" sx={{ mt: 0.5 }}>
          {formatWindow(entry.opensAt, entry.closesAt, locale)}
        </Typography>
        <Stack direction="row" spacing={2} useFlexGap sx={{ mt: 0.5, color: 'text.secondary', flexWrap: 'wrap' }}>
          <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
            <TimerIcon fontSize="small" />
            <Typography variant="body2">
              {translate('cascade.my_exams.minutes', { smart_count: exam.timeLimitMinutes })}
            </Typography>
          </Stack>
          <Typography variant="body2">
            {translate('cascade.my_exams.attempts', { used: entry.attemptsUsed, allowed: exam.attemptsAllowed })}
          </Typography>
          <Typography variant="body2">
            {translate('cascade.my_exams.pass_mark', { percent: exam.passPercent })}
          </Typography>
        </Stack>
      </CardContent>
      <CardActions sx={{ px: 2, pb: 2, gap: 1, flexWrap: 'wrap' }}>
        {(entry.openAttemptId || entry.canStart) && (
          <Button
            variant="contained"
            size="large"
            startIcon={starting ? <CircularProgress size={18} color="inherit" /> : <PlayArrowIcon />}
            disabled={starting}
            onClick={() => void start()}
          >
            {translate(entry.openAttemptId ? 'cascade.my_exams.resume' : 'cascade.my_exams.start')}
          </Button>
        )}
        {entry.lastAttempt && (
          <Button startIcon={<AssignmentTurnedInIcon />} onClick={() => navigate(`/attempts/${entry.lastAttempt?.id}`)}>
            {translate('cascade.my_exams.view_result')}
          </Button>
        )}
      </CardActions>
    </Card>
  );
};

/** "我的考试": the exams assigned to the trainee, laid out for a phone. */
export const MyExamsPage = () => {
  const translate = useTranslate();
  const { data, error, loading } = useApiQuery(() => examApi.myExams(), 'mine');
  return (
    <Box sx={{ maxWidth: 720, mt: { xs: 1, sm: 2 } }}>
      <Title title={translate('cascade.menu_exams.my_exams')} />
      {loading && <LinearProgress />}
      {error && <Alert severity="error">{error.message}</Alert>}
      {data && data.length === 0 && (
        <Typography color="text.secondary" sx={{ p: 3, textAlign: 'center' }}>
          {translate('cascade.my_exams.none')}
        </Typography>
      )}
      <Stack spacing={1.5}>
        {data?.map((entry) => (
          <ExamCard key={entry.exam.id} entry={entry} />
        ))}
      </Stack>
    </Box>
  );
};
