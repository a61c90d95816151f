import type { FeedbackRequestView } from '@cascade/contracts';
import EditNoteIcon from '@mui/icons-material/EditNote';
import LockIcon from '@mui/icons-material/Lock';
import {
  Alert,
  Box,
  Button,
  Card,
  CardActions,
  CardContent,
  Chip,
  LinearProgress,
  Stack,
  Typography,
} from '@mui/material';
import { Title, useLocaleState, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { feedbackApi } from '../../providers/feedbackApi';
import { useApiQuery } from '../../resources/useApiQuery';

const RequestCard = ({ request }: { request: FeedbackRequestView }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const answered = request.respondedAt !== null;
  const ended = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(request.sessionEndedAt));
  return (
    <Card variant="outlined" component="article" aria-label={request.sessionTitle} data-testid="feedback-request">
      <CardContent sx={{ pb: 1 }}>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 0.5 }}>
          <Chip
            size="small"
            color={answered ? 'success' : 'warning'}
            label={translate(answered ? 'cascade.feedback.answered' : 'cascade.feedback.waiting')}
          />
          {request.form.anonymous && (
            <Chip size="small" variant="outlined" icon={<LockIcon />} label={translate('cascade.feedback.anonymous')} />
          )}
        </Stack>
        <Typography variant="h6" component="h2" sx={{ fontWeight: 600, lineHeight: 1.3, overflowWrap: 'anywhere' }}>
          {request.sessionTitle}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
          {ended}
          {request.trainers.length > 0 && ` · ${request.trainers.map((t) => t.name).join('、')}`}
        </Typography>
      </CardContent>
      {!answered && (
        <CardActions sx={{ px: 2, pb: 2 }}>
          <Button
            component={RouterLink}
            to={`/feedback/${request.id}`}
            variant="contained"
            size="large"
            startIcon={<EditNoteIcon />}
          >
            {translate('cascade.feedback.give')}
          </Button>
        </CardActions>
      )}
    </Card>
  );
};

/** "我的反馈": the trainee's feedback requests, unanswered first, laid out for a phone. */
export const MyFeedbackPage = () => {
  const translate = useTranslate();
  const { data, error, loading } = useApiQuery(() => feedbackApi.myRequests(), 'mine');
  return (
    <Box sx={{ maxWidth: 720, mt: { xs: 1, sm: 2 } }}>
      <Title title={translate('cascade.feedback.my_feedback')} />
      {loading && <LinearProgress />}
      {error && <Alert severity="error">{error.message}</Alert>}
      {data?.length === 0 && <Alert severity="info">{translate('cascade.feedback.none')}</Alert>}
      <Stack spacing={1.5}>
        {data?.map((request) => (
          <RequestCard key={request.id} request={request} />
        ))}
      </Stack>
    </Box>
  );
};
