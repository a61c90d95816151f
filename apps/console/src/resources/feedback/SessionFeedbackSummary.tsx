import type { FeedbackItemSummary } from '@cascade/contracts';
import LockIcon from '@mui/icons-material/Lock';
import { Alert, Box, Chip, Divider, LinearProgress, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { feedbackApi } from '../../providers/feedbackApi';
import { useApiQuery } from '../useApiQuery';
import { DistributionBars, useNpsColors } from './FeedbackCharts';

const format = (value: number | null, digits = 1) => (value === null ? '—' : value.toFixed(digits));

const ItemSummary = ({ item }: { item: FeedbackItemSummary }) => {
  const translate = useTranslate();
  const npsColors = useNpsColors();
  const title = item.trainerName ? `${item.text} — ${item.trainerName}` : item.text;
  return (
    <Box component="section" aria-label={title} data-testid="feedback-item-summary" sx={{ py: 1.5 }}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 0.5 }}>
        <Typography variant="subtitle2" component="h4" sx={{ overflowWrap: 'anywhere' }}>
          {item.text}
        </Typography>
        {item.trainerName && <Chip size="small" color="primary" label={item.trainerName} />}
        <Chip size="small" variant="outlined" label={translate(`cascade.feedback_forms.item_type.${item.type}`)} />
      </Stack>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', color: 'text.secondary', mb: 1 }}>
        <Typography variant="body2">
          {translate('cascade.feedback_summary.responses', { smart_count: item.responses })}
        </Typography>
        {item.mean !== null && (
          <Typography variant="body2" data-testid="item-mean">
            {translate('cascade.feedback_summary.mean', {
              mean: format(item.mean, 2),
              max: item.type === 'nps_0_10' ? 10 : 5,
            })}
          </Typography>
        )}
        {item.nps !== null && (
          <Typography variant="body2" sx={{ fontWeight: 700, color: item.nps >= 0 ? 'success.main' : 'error.main' }}>
            {translate('cascade.feedback_summary.nps', { nps: Math.round(item.nps) })}
          </Typography>
        )}
      </Stack>
      {item.type !== 'free_text' && item.distribution.length > 0 && (
        <DistributionBars
          distribution={item.distribution}
          label={translate('cascade.feedback_summary.distribution_of', { item: title })}
          colorOf={item.type === 'nps_0_10' ? npsColors : undefined}
        />
      )}
      {item.type === 'free_text' &&
        (item.comments.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {translate('cascade.feedback_summary.no_comments')}
          </Typography>
        ) : (
          <Stack component="ul" spacing={0.75} sx={{ pl: 2.5, m: 0 }}>
            {item.comments.map((comment, index) => (
              <Typography component="li" variant="body2" key={index} sx={{ overflowWrap: 'anywhere' }}>
                {comment}
              </Typography>
            ))}
          </Stack>
        ))}
    </Box>
  );
};

/** A session's feedback: response rate, then each question's mean, spread, NPS and comments. */
export const SessionFeedbackSummary = ({ sessionId }: { sessionId: string }) => {
  const translate = useTranslate();
  const { data, error, loading } = useApiQuery(() => feedbackApi.sessionSummary(sessionId), sessionId);
  if (loading && !data) return <LinearProgress />;
  if (error) return <Alert severity="error">{error.message}</Alert>;
  if (!data) return null;
  if (!data.formId)
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('cascade.feedback_summary.no_form')}
      </Typography>
    );
  return (
    <Box data-testid="feedback-summary" data-withheld={String(data.withheld)}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <Typography variant="body1" sx={{ fontWeight: 600 }} data-testid="feedback-response-rate">
          {translate('cascade.feedback_summary.response_rate', {
            responses: data.responses,
            attendees: data.attendees,
          })}
        </Typography>
        {data.anonymous && (
          <Chip size="small" icon={<LockIcon />} variant="outlined" label={translate('cascade.feedback.anonymous')} />
        )}
      </Stack>
      {data.withheld ? (
        <Alert severity="info" icon={<LockIcon />} sx={{ mt: 1.5 }} data-testid="feedback-withheld">
          {translate('cascade.feedback_summary.withheld')}
        </Alert>
      ) : data.responses === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {translate('cascade.feedback_summary.no_responses')}
        </Typography>
      ) : (
        <Stack divider={<Divider flexItem />}>
          {data.items.map((item) => (
            <ItemSummary key={`${item.itemId}:${item.trainerId ?? ''}`} item={item} />
          ))}
        </Stack>
      )}
    </Box>
  );
};
