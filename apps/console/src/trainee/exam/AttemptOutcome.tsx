import type { AttemptView } from '@cascade/contracts';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import EmojiEventsIcon from '@mui/icons-material/EmojiEvents';
import HourglassTopIcon from '@mui/icons-material/HourglassTop';
import ReplayIcon from '@mui/icons-material/Replay';
import { Alert, Box, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { ItemResult } from './ItemResult';
import { QuestionCard } from './QuestionCard';

const noChange = () => undefined;

/** After hand-in: a clear "submitted" state while grading runs, then the result when the exam shows it. */
export const AttemptOutcome = ({ attempt }: { attempt: AttemptView }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const final = attempt.status === 'finalized';
  const submittedAt = attempt.submittedAt
    ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(
        new Date(attempt.submittedAt),
      )
    : '';
  const showScore = final && attempt.resultsVisible && attempt.percent !== null;

  return (
    <Stack spacing={2}>
      <Card data-testid="attempt-outcome" data-status={attempt.status} role="status" aria-live="polite">
        <CardContent sx={{ textAlign: 'center', py: 4 }}>
          <Box sx={{ '& svg': { fontSize: 72 } }}>
            {showScore ? (
              <EmojiEventsIcon color={attempt.passed ? 'success' : 'warning'} />
            ) : final ? (
              <CheckCircleIcon color="success" />
            ) : (
              <HourglassTopIcon color="primary" />
            )}
          </Box>
          <Typography variant="h5" component="h1" sx={{ fontWeight: 700, mt: 1 }}>
            {translate(showScore ? 'cascade.attempt.result_title' : 'cascade.attempt.submitted_title')}
          </Typography>
          {submittedAt && (
            <Typography color="text.secondary">
              {translate('cascade.attempt.submitted_at', { time: submittedAt })}
            </Typography>
          )}
          {showScore ? (
            <Box sx={{ mt: 2 }}>
              <Typography variant="h2" component="p" sx={{ fontWeight: 800 }} data-testid="attempt-percent">
                {Math.round(attempt.percent ?? 0)}%
              </Typography>
              <Typography color="text.secondary">
                {translate('cascade.attempt.score_of', { score: attempt.score ?? 0, max: attempt.maxScore ?? 0 })}
              </Typography>
              <Chip
                sx={{ mt: 1, fontWeight: 700 }}
                color={attempt.passed ? 'success' : 'error'}
                label={translate(attempt.passed ? 'cascade.attempt.passed' : 'cascade.attempt.failed')}
              />
            </Box>
          ) : (
            <Typography sx={{ mt: 2 }}>
              {translate(
                final
                  ? 'cascade.attempt.results_later'
                  : attempt.status === 'needs_review'
                    ? 'cascade.attempt.waiting_for_trainer'
                    : 'cascade.attempt.grading',
              )}
            </Typography>
          )}
          <Stack direction="row" spacing={1} sx={{ justifyContent: 'center', mt: 3 }}>
            <Button component={RouterLink} to="/my-exams" variant="outlined" startIcon={<ReplayIcon />}>
              {translate('cascade.attempt.back_to_list')}
            </Button>
          </Stack>
        </CardContent>
      </Card>
      {showScore && !attempt.answersVisible && (
        <Alert severity="info" data-testid="answers-hidden">
          {translate(`cascade.attempt.answers_${attempt.reviewMode ?? 'score_only'}`)}
        </Alert>
      )}
      {showScore &&
        attempt.answersVisible &&
        attempt.items.some((item) => item.result) &&
        attempt.items.map((item) => (
          <QuestionCard
            key={item.question.questionId}
            question={item.question}
            position={item.position + 1}
            value={item.response ?? undefined}
            onChange={noChange}
            disabled
            footer={<ItemResult item={item} />}
          />
        ))}
    </Stack>
  );
};
