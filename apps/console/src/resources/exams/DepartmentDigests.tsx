import type { DepartmentDigestView } from '@cascade/contracts';
import EmojiEventsIcon from '@mui/icons-material/EmojiEvents';
import TrendingUpIcon from '@mui/icons-material/TrendingUp';
import { Alert, Box, Card, CardContent, Chip, LinearProgress, Stack, Typography } from '@mui/material';
import { HttpError, useCanAccess, useTranslate } from 'react-admin';
import { resultsLoopApi } from '../../providers/resultsLoopApi';
import { useApiQuery } from '../useApiQuery';

const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value)}%`);

const DigestCard = ({ digest }: { digest: DepartmentDigestView }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" component="article" aria-label={digest.departmentName} data-testid="department-digest">
      <CardContent>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
          {digest.departmentName}
        </Typography>
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', color: 'text.secondary', mb: 1 }}>
          <Typography variant="body2">
            {translate('cascade.digests.participation', {
              participated: digest.participated,
              assigned: digest.assigned,
            })}
          </Typography>
          <Typography variant="body2">
            {translate('cascade.digests.pass_rate', { rate: percent(digest.passRate) })}
          </Typography>
          <Typography variant="body2">
            {translate('cascade.digests.average', { average: percent(digest.averagePercent) })}
          </Typography>
        </Stack>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 0.5 }}>
          <EmojiEventsIcon fontSize="small" color="warning" />
          <Typography variant="body2">{translate('cascade.digests.excellent')}</Typography>
          {digest.excellent.length > 0 ? (
            digest.excellent.map((person) => (
              <Chip
                key={person.userId}
                size="small"
                color="success"
                label={`${person.name} ${percent(person.percent)}`}
              />
            ))
          ) : (
            <Typography variant="body2" color="text.secondary">
              {translate('cascade.digests.counted', { smart_count: digest.excellentCount })}
            </Typography>
          )}
        </Stack>
        {digest.mostImproved.length > 0 && (
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 0.5 }}>
            <TrendingUpIcon fontSize="small" color="primary" />
            <Typography variant="body2">{translate('cascade.digests.most_improved')}</Typography>
            {digest.mostImproved.map((person) => (
              <Chip
                key={person.userId}
                size="small"
                color="primary"
                variant="outlined"
                label={`${person.name} +${Math.round(person.gain)}`}
              />
            ))}
          </Stack>
        )}
        <Typography variant="body2" color="text.secondary">
          {translate('cascade.digests.others', { smart_count: digest.othersCount })}
        </Typography>
      </CardContent>
    </Card>
  );
};

/** The digest each department's manager receives: the excellent named, everyone else as counts. */
export const DepartmentDigests = ({ examId }: { examId: string }) => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'exams', action: 'digests' });
  const { data, error, loading } = useApiQuery(() => resultsLoopApi.digests(examId), canAccess ? examId : undefined);
  if (!canAccess) return null;
  return (
    <Box component="section" sx={{ mt: 3 }} aria-label={translate('cascade.digests.title')}>
      <Typography variant="h6" component="h2">
        {translate('cascade.digests.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        {translate('cascade.digests.intro')}
      </Typography>
      {loading && !data && <LinearProgress />}
      {error && (
        <Alert severity={error instanceof HttpError && error.status === 404 ? 'info' : 'error'}>
          {error instanceof HttpError && error.status === 404
            ? translate('cascade.digests.unavailable')
            : error.message}
        </Alert>
      )}
      {data?.length === 0 && <Alert severity="info">{translate('cascade.digests.none')}</Alert>}
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'repeat(2, minmax(0, 1fr))' }, gap: 1.5 }}>
        {data?.map((digest) => (
          <DigestCard key={digest.departmentId ?? 'none'} digest={digest} />
        ))}
      </Box>
    </Box>
  );
};
