import type { AttemptView } from '@cascade/contracts';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Alert, Box, IconButton, LinearProgress, Stack, Typography } from '@mui/material';
import { useCallback, useEffect, useRef, useState } from 'react';
import { HttpError, LocalesMenuButton, useTranslate } from 'react-admin';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { examApi } from '../../providers/examApi';
import { AttemptOutcome } from './AttemptOutcome';
import { AttemptTaking } from './AttemptTaking';
import { AttemptTimer } from './AttemptTimer';
import { SaveIndicator } from './SaveIndicator';
import { useAttemptAnswers } from './useAttemptAnswers';
import { clockOffsetMs, useCountdown } from './useCountdown';

/** While grading runs on the queue, the page asks again this often. */
const GRADING_POLL_MS = 4_000;

function useAttempt(attemptId: string | undefined) {
  const [attempt, setAttempt] = useState<AttemptView>();
  const [offsetMs, setOffsetMs] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const accept = useCallback((view: AttemptView) => {
    setAttempt(view);
    setOffsetMs(clockOffsetMs(view.serverNow));
    setError(null);
  }, []);

  const load = useCallback(async () => {
    if (!attemptId) return;
    try {
      accept(await examApi.attempt(attemptId));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }, [attemptId, accept]);

  useEffect(() => {
    void load();
  }, [load]);

  // Submitted: wait for the grading queue (and, for essays, a trainer) to finish.
  const status = attempt?.status;
  useEffect(() => {
    if (!status || status === 'in_progress' || status === 'finalized') return;
    const timer = setInterval(() => void load(), GRADING_POLL_MS);
    return () => clearInterval(timer);
  }, [status, load]);

  return { attempt, offsetMs, error, accept, load };
}

/**
 * Route `/attempts/:attemptId`: a trainee's exam on a phone, full screen. The countdown follows
 * the server's deadline; answers save themselves and wait in the browser when the network drops.
 */
export const AttemptPage = () => {
  const translate = useTranslate();
  const { attemptId } = useParams();
  const { attempt, offsetMs, error, accept, load } = useAttempt(attemptId);
  const taking = attempt?.status === 'in_progress';
  const answers = useAttemptAnswers(taking ? attempt : undefined);
  const remainingMs = useCountdown(taking ? attempt?.deadlineAt : undefined, offsetMs);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const autoSubmitted = useRef(false);

  const submit = useCallback(async () => {
    if (!attempt) return;
    setSubmitting(true);
    setSubmitError(null);
    try {
      // Every answer reaches the server before the hand-in, or the hand-in waits.
      if (!(await answers.drain())) {
        setSubmitError(translate('cascade.attempt.submit_offline'));
        return;
      }
      const submitted = await examApi.submit(attempt.id);
      answers.clear();
      accept(submitted);
    } catch (failure) {
      if (failure instanceof HttpError && failure.status === 409) {
        // Already closed on the server (the deadline's sweep, another device): show what it holds.
        answers.clear();
        await load();
      } else {
        setSubmitError(failure instanceof HttpError ? failure.message : translate('cascade.attempt.submit_offline'));
      }
    } finally {
      setSubmitting(false);
    }
  }, [attempt, answers, accept, load, translate]);

  // Time is up: hand in what there is; the server would do it within a minute anyway.
  useEffect(() => {
    if (taking && remainingMs === 0 && !autoSubmitted.current) {
      autoSubmitted.current = true;
      void submit();
    }
  }, [taking, remainingMs, submit]);

  return (
    <Box sx={{ minHeight: '100dvh', bgcolor: 'background.default' }}>
      <Box
        component="header"
        sx={{ position: 'sticky', top: 0, zIndex: 10, bgcolor: 'primary.main', color: 'primary.contrastText' }}
      >
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', px: 1, py: 0.75 }}>
          <IconButton
            component={RouterLink}
            to="/my-exams"
            color="inherit"
            size="small"
            aria-label={translate('cascade.attempt.back_to_list')}
          >
            <ArrowBackIcon />
          </IconButton>
          <Typography
            variant="subtitle1"
            component="span"
            noWrap
            sx={{ fontWeight: 700, flex: '1 1 auto', minWidth: 0 }}
          >
            {attempt?.examTitle ?? translate('cascade.menu_exams.my_exams')}
          </Typography>
          {taking && <AttemptTimer remainingMs={remainingMs} />}
          <LocalesMenuButton
            languages={[
              { locale: 'zh-CN', name: '中文' },
              { locale: 'en', name: 'EN' },
            ]}
          />
        </Stack>
        {taking && (
          <Box sx={{ px: 2, pb: 0.75 }}>
            <SaveIndicator queue={answers.queue} />
          </Box>
        )}
      </Box>
      <Box sx={{ maxWidth: 720, mx: 'auto', p: 2 }}>
        {error && <Alert severity="error">{error}</Alert>}
        {!attempt && !error && <LinearProgress />}
        {attempt && taking && (
          <AttemptTaking
            attempt={attempt}
            answers={answers}
            remainingMs={remainingMs}
            submitting={submitting}
            submitError={submitError}
            onSubmit={() => void submit()}
          />
        )}
        {attempt && !taking && <AttemptOutcome attempt={attempt} />}
      </Box>
    </Box>
  );
};
