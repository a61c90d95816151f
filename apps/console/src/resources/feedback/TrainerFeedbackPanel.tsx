import type { UserView } from '@cascade/contracts';
import {
  Alert,
  Box,
  Card,
  CardContent,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useCanAccess, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { feedbackApi } from '../../providers/feedbackApi';
import { useApiQuery } from '../useApiQuery';
import { MeanBar, MeanOverTimeChart } from './FeedbackCharts';

const Figure = ({ label, value, testId }: { label: string; value: string; testId?: string }) => (
  <Box sx={{ minWidth: 120 }}>
    <Typography variant="caption" color="text.secondary">
      {label}
    </Typography>
    <Typography variant="h5" component="p" sx={{ fontWeight: 700 }} data-testid={testId}>
      {value}
    </Typography>
  </Box>
);

const Panel = ({ userId }: { userId: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, error, loading } = useApiQuery(() => feedbackApi.trainerFeedback(userId), userId);
  if (loading && !data) return <LinearProgress />;
  if (error) return <Alert severity="error">{error.message}</Alert>;
  if (!data) return null;
  if (data.responses === 0)
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('cascade.trainer_feedback.none')}
      </Typography>
    );
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  return (
    <Stack spacing={2.5} data-testid="trainer-feedback">
      <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Figure
          label={translate('cascade.trainer_feedback.overall')}
          value={data.overallMean === null ? '—' : `${data.overallMean.toFixed(2)} / 5`}
          testId="trainer-overall-mean"
        />
        <Figure label={translate('cascade.trainer_feedback.responses')} value={String(data.responses)} />
        <Figure label="NPS" value={data.nps === null ? '—' : String(Math.round(data.nps))} />
      </Stack>
      {data.overTime.length > 0 && (
        <Box>
          <Typography variant="subtitle2" component="h3" sx={{ mb: 1 }}>
            {translate('cascade.trainer_feedback.over_time')}
          </Typography>
          <MeanOverTimeChart
            overTime={data.overTime}
            locale={locale}
            label={translate('cascade.trainer_feedback.over_time')}
          />
        </Box>
      )}
      {data.perModule.length > 0 && (
        <Box sx={{ overflowX: 'auto' }}>
          <Typography variant="subtitle2" component="h3" sx={{ mb: 1 }}>
            {translate('cascade.trainer_feedback.per_module')}
          </Typography>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('cascade.trainer_feedback.module')}</TableCell>
                <TableCell>{translate('cascade.trainer_feedback.business_process')}</TableCell>
                <TableCell align="right">{translate('cascade.trainer_feedback.mean')}</TableCell>
                <TableCell />
                <TableCell align="right">{translate('cascade.trainer_feedback.responses')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.perModule.map((module) => (
                <TableRow key={module.moduleId}>
                  <TableCell>{module.moduleTitle}</TableCell>
                  <TableCell>{module.businessProcess}</TableCell>
                  <TableCell align="right">{module.mean === null ? '—' : module.mean.toFixed(2)}</TableCell>
                  <TableCell>
                    <MeanBar mean={module.mean} label={`${module.moduleTitle}: ${module.mean?.toFixed(2) ?? '—'}`} />
                  </TableCell>
                  <TableCell align="right">{module.responses}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
      <Box>
        <Typography variant="subtitle2" component="h3" sx={{ mb: 1 }}>
          {translate('cascade.trainer_feedback.comments')}
        </Typography>
        {data.comments.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {translate('cascade.feedback_summary.no_comments')}
          </Typography>
        ) : (
          <Stack component="ul" spacing={0.75} sx={{ pl: 2.5, m: 0 }}>
            {data.comments.map((comment, index) => (
              <Typography component="li" variant="body2" key={index} sx={{ overflowWrap: 'anywhere' }}>
                {comment.text}{' '}
                <Typography
                  component={RouterLink}
                  to={`/sessions/${comment.sessionId}/show`}
                  variant="caption"
                  color="text.secondary"
                >
                  {dateFormat.format(new Date(comment.at))}
                </Typography>
              </Typography>
            ))}
          </Stack>
        )}
      </Box>
    </Stack>
  );
};

/** On a trainer's user page: how trainees rated them, over time and per module. */
export const TrainerFeedbackPanel = () => {
  const user = useRecordContext<UserView>();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'users', action: 'trainer-feedback' });
  if (!user || !canAccess || !user.roles.includes('trainer')) return null;
  return (
    <Card sx={{ mt: 2 }} component="section" aria-label={translate('cascade.trainer_feedback.title')}>
      <CardContent>
        <Typography variant="h6" component="h2" sx={{ mb: 1.5 }}>
          {translate('cascade.trainer_feedback.title')}
        </Typography>
        <Panel userId={user.id} />
      </CardContent>
    </Card>
  );
};
