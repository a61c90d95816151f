import type { FeedbackRequestView } from '@cascade/contracts';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { Alert, Box, Button, CircularProgress, IconButton, LinearProgress, Stack, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { HttpError, LocalesMenuButton, useLocaleState, useTranslate } from 'react-admin';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { feedbackApi } from '../../providers/feedbackApi';
import { isProblemBody } from '../../providers/httpClient';
import { useApiQuery } from '../../resources/useApiQuery';
import { AnonymityNote } from './AnonymityNote';
import { answerBody, errorsByPrompt, feedbackPrompts, missingAnswers, type FeedbackValues } from './feedbackAnswers';
import { FeedbackPromptCard } from './FeedbackPromptCard';

const Done = ({ title }: { title: string }) => {
  const translate = useTranslate();
  return (
    <Stack spacing={2} sx={{ alignItems: 'center', textAlign: 'center', py: 6 }} data-testid="feedback-done">
      <CheckCircleIcon color="success" sx={{ fontSize: 64 }} />
      <Typography variant="h6" component="p">
        {title}
      </Typography>
      <Button component={RouterLink} to="/my-feedback" variant="outlined">
        {translate('cascade.feedback.back_to_list')}
      </Button>
    </Stack>
  );
};

const RequestForm = ({ request }: { request: FeedbackRequestView }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const prompts = useMemo(
    () => feedbackPrompts(request.form.items, request.trainers),
    [request.form.items, request.trainers],
  );
  const [values, setValues] = useState<FeedbackValues>({});
  const [promptErrors, setPromptErrors] = useState<Record<string, string>>({});
  const [generalError, setGeneralError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<'sent' | 'already' | null>(request.respondedAt ? 'already' : null);

  const answered = prompts.filter((p) => values[p.key] !== undefined && values[p.key] !== '').length;

  const submit = async () => {
    const missing = missingAnswers(prompts, values);
    if (missing.length > 0) {
      const required = translate('cascade.feedback.required');
      setPromptErrors(Object.fromEntries(missing.map((key) => [key, required])));
      setGeneralError(translate('cascade.feedback.missing', { smart_count: missing.length }));
      document.querySelector(`[data-key="${missing[0]}"]`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
      return;
    }
    const { answers, promptKeys } = answerBody(prompts, values);
    setSending(true);
    setGeneralError(null);
    setPromptErrors({});
    try {
      await feedbackApi.submit(request.sessionId, request.form.id, answers);
      setOutcome('sent');
      window.scrollTo({ top: 0 });
    } catch (failure) {
      if (failure instanceof HttpError && failure.status === 409) {
        setOutcome('already');
      } else if (failure instanceof HttpError && isProblemBody(failure.body) && failure.body.fieldErrors.length) {
        const { byPrompt, general } = errorsByPrompt(failure.body.fieldErrors, promptKeys);
        setPromptErrors(byPrompt);
        setGeneralError(general.join('; ') || failure.message);
      } else {
        setGeneralError(failure instanceof Error ? failure.message : translate('ra.notification.http_error'));
      }
    } finally {
      setSending(false);
    }
  };

  if (outcome === 'sent') return <Done title={translate('cascade.feedback.thanks')} />;
  if (outcome === 'already') return <Done title={translate('cascade.feedback.already_given')} />;

  const ended = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(
    new Date(request.sessionEndedAt),
  );
  return (
    <Stack spacing={1.5}>
      <Box>
        <Typography variant="h6" component="h1" sx={{ fontWeight: 700, lineHeight: 1.3, overflowWrap: 'anywhere' }}>
          {request.form.title}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
          {request.sessionTitle} · {ended}
        </Typography>
        {request.form.description && (
          <Typography variant="body2" sx={{ mt: 1, whiteSpace: 'pre-line' }}>
            {request.form.description}
          </Typography>
        )}
      </Box>
      <AnonymityNote anonymous={request.form.anonymous} />
      {prompts.map((prompt) => (
        <FeedbackPromptCard
          key={prompt.key}
          prompt={prompt}
          value={values[prompt.key]}
          error={promptErrors[prompt.key]}
          disabled={sending}
          onChange={(value) => {
            setValues((current) => ({ ...current, [prompt.key]: value }));
            setPromptErrors(({ [prompt.key]: _, ...rest }) => rest);
            setGeneralError(null);
          }}
        />
      ))}
      {generalError && (
        <Alert severity="error" data-testid="feedback-error">
          {generalError}
        </Alert>
      )}
      <Box sx={{ position: 'sticky', bottom: 0, bgcolor: 'background.default', py: 1.5 }}>
        <Button
          variant="contained"
          size="large"
          fullWidth
          disabled={sending}
          onClick={() => void submit()}
          startIcon={sending ? <CircularProgress size={18} color="inherit" /> : undefined}
          sx={{ minHeight: 52 }}
        >
          {translate('cascade.feedback.submit', { answered, total: prompts.length })}
        </Button>
      </Box>
    </Stack>
  );
};

/**
 * Route `/feedback/:requestId` (the inbox notification links here): one feedback request
 * answered on a phone, full screen.
 */
export const FeedbackAnswerPage = () => {
  const translate = useTranslate();
  const { requestId } = useParams();
  const { data, error, loading } = useApiQuery(() => feedbackApi.myRequests(), 'mine');
  const request = data?.find((r) => r.id === requestId);
  return (
    <Box sx={{ minHeight: '100dvh', bgcolor: 'background.default' }}>
      <Box
        component="header"
        sx={{ position: 'sticky', top: 0, zIndex: 10, bgcolor: 'primary.main', color: 'primary.contrastText' }}
      >
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', px: 1, py: 0.75 }}>
          <IconButton
            component={RouterLink}
            to="/my-feedback"
            color="inherit"
            size="small"
            aria-label={translate('cascade.feedback.back_to_list')}
          >
            <ArrowBackIcon />
          </IconButton>
          <Typography
            variant="subtitle1"
            component="span"
            noWrap
            sx={{ fontWeight: 700, flex: '1 1 auto', minWidth: 0 }}
          >
            {translate('cascade.feedback.my_feedback')}
          </Typography>
          <LocalesMenuButton
            languages={[
              { locale: 'zh-CN', name: '中文' },
              { locale: 'en', name: 'EN' },
            ]}
          />
        </Stack>
      </Box>
      {loading && !data && <LinearProgress />}
      <Box sx={{ maxWidth: 560, mx: 'auto', p: 1.5 }}>
        {error && <Alert severity="error">{error.message}</Alert>}
        {data && !request && <Alert severity="warning">{translate('cascade.feedback.not_found')}</Alert>}
        {request && <RequestForm request={request} />}
      </Box>
    </Box>
  );
};
