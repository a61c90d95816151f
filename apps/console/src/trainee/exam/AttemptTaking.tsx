import type { AttemptView } from '@cascade/contracts';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import SendIcon from '@mui/icons-material/Send';
import WifiOffIcon from '@mui/icons-material/WifiOff';
import {
  Alert,
  Box,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useTranslate } from 'react-admin';
import { QuestionCard } from './QuestionCard';
import { QuestionNavigator } from './QuestionNavigator';
import { isAnswered } from './responses';
import type { AttemptAnswers } from './useAttemptAnswers';

type Layout = 'one' | 'all';
const LAYOUT_KEY = 'cascade.exam.layout';

interface Props {
  attempt: AttemptView;
  answers: AttemptAnswers;
  remainingMs: number | null;
  submitting: boolean;
  submitError: string | null;
  onSubmit: () => void;
}

/** Answering: one question at a time (the phone's default) or all on one page. */
export const AttemptTaking = ({ attempt, answers, remainingMs, submitting, submitError, onSubmit }: Props) => {
  const translate = useTranslate();
  const [layout, setLayout] = useState<Layout>(() => (localStorage.getItem(LAYOUT_KEY) as Layout | null) ?? 'one');
  const [current, setCurrent] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const top = useRef<HTMLDivElement>(null);
  const items = attempt.items;
  const answered = items.map((item) => isAnswered(item.question, answers.responses[item.question.questionId]));
  const unanswered = answered.filter((done) => !done).length;

  useEffect(() => {
    localStorage.setItem(LAYOUT_KEY, layout);
  }, [layout]);
  // A new question starts at its top, not where the thumb left the previous one.
  useEffect(() => {
    top.current?.scrollIntoView({ block: 'start' });
  }, [current]);

  const go = (index: number) => {
    setCurrent(index);
    if (layout === 'all') document.getElementById(`item-${index}`)?.scrollIntoView({ behavior: 'smooth' });
  };

  const card = (index: number) => {
    const item = items[index];
    const questionId = item.question.questionId;
    return (
      <Box key={questionId} id={`item-${index}`} sx={{ scrollMarginTop: 120 }}>
        <QuestionCard
          question={item.question}
          position={index + 1}
          value={answers.responses[questionId] ?? undefined}
          onChange={(value) => answers.answer(questionId, value)}
          disabled={submitting || remainingMs === 0}
        />
      </Box>
    );
  };

  return (
    <Box ref={top} sx={{ scrollMarginTop: 120 }}>
      {answers.queue.offline && (
        <Alert severity="warning" icon={<WifiOffIcon />} sx={{ mb: 2 }} data-testid="offline-banner">
          {translate('cascade.attempt.offline_help', { smart_count: answers.queue.pending })}
        </Alert>
      )}
      {answers.queue.rejected.length > 0 && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {translate('cascade.attempt.rejected', { smart_count: answers.queue.rejected.length })}{' '}
          {answers.queue.rejected.at(-1)?.message}
        </Alert>
      )}
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1.5, gap: 1 }}>
        <Typography variant="body2" color="text.secondary">
          {translate('cascade.attempt.answered_count', { answered: items.length - unanswered, total: items.length })}
        </Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={layout}
          onChange={(_, next: Layout | null) => next && setLayout(next)}
          aria-label={translate('cascade.attempt.layout')}
        >
          <ToggleButton value="one">{translate('cascade.attempt.layout_one')}</ToggleButton>
          <ToggleButton value="all">{translate('cascade.attempt.layout_all')}</ToggleButton>
        </ToggleButtonGroup>
      </Stack>
      <QuestionNavigator answered={answered} current={layout === 'one' ? current : -1} onSelect={go} />

      <Stack spacing={2} sx={{ mt: 2 }}>
        {layout === 'one' ? card(current) : items.map((_, index) => card(index))}
      </Stack>

      {layout === 'one' && (
        <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
          <Button
            variant="outlined"
            startIcon={<ChevronLeftIcon />}
            disabled={current === 0}
            onClick={() => go(current - 1)}
            sx={{ flex: 1, py: 1.25 }}
          >
            {translate('cascade.attempt.previous')}
          </Button>
          {current < items.length - 1 ? (
            <Button
              variant="contained"
              endIcon={<ChevronRightIcon />}
              onClick={() => go(current + 1)}
              sx={{ flex: 1, py: 1.25 }}
            >
              {translate('cascade.attempt.next')}
            </Button>
          ) : (
            <Button
              variant="contained"
              color="success"
              endIcon={<SendIcon />}
              onClick={() => setConfirming(true)}
              sx={{ flex: 1, py: 1.25 }}
            >
              {translate('cascade.attempt.submit')}
            </Button>
          )}
        </Stack>
      )}
      {(layout === 'all' || current < items.length - 1) && (
        <Button
          fullWidth
          variant={layout === 'all' ? 'contained' : 'text'}
          color="success"
          endIcon={<SendIcon />}
          onClick={() => setConfirming(true)}
          sx={{ mt: 2, py: 1.25 }}
        >
          {translate('cascade.attempt.submit')}
        </Button>
      )}
      {submitError && (
        <Alert severity="error" sx={{ mt: 2 }} data-testid="submit-error">
          {submitError}
        </Alert>
      )}

      <Dialog open={confirming} onClose={() => !submitting && setConfirming(false)} fullWidth maxWidth="xs">
        <DialogTitle>{translate('cascade.attempt.confirm_title')}</DialogTitle>
        <DialogContent>
          <Typography>
            {unanswered > 0
              ? translate('cascade.attempt.confirm_unanswered', { smart_count: unanswered })
              : translate('cascade.attempt.confirm_all_answered')}
          </Typography>
          {answers.queue.pending > 0 && (
            <Typography color="text.secondary" sx={{ mt: 1 }}>
              {translate('cascade.attempt.confirm_pending', { smart_count: answers.queue.pending })}
            </Typography>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)} disabled={submitting}>
            {translate('cascade.attempt.keep_answering')}
          </Button>
          <Button
            variant="contained"
            color="success"
            disabled={submitting}
            onClick={() => {
              setConfirming(false);
              onSubmit();
            }}
            startIcon={submitting ? <CircularProgress size={18} color="inherit" /> : <SendIcon />}
          >
            {translate('cascade.attempt.submit_now')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
};
