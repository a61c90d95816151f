import type { ItemAnalysisRow } from '@cascade/contracts';
import {
  Alert,
  Box,
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
import { Link, useTranslate } from 'react-admin';
import { useParams } from 'react-router-dom';
import { examApi } from '../../providers/examApi';
import { useApiQuery } from '../useApiQuery';
import { ExamPageHeader } from './ExamPageHeader';
import { DiscriminationBar, FacilityBar } from './ItemBars';
import { ScoreDistributionChart } from './ScoreDistributionChart';

const fixed = (value: number | null, digits = 2) => (value === null ? '—' : value.toFixed(digits));

const ItemRow = ({ item }: { item: ItemAnalysisRow }) => {
  const translate = useTranslate();
  return (
    <TableRow data-testid="analysis-row" data-flag={item.flag ?? ''}>
      <TableCell sx={{ maxWidth: 320 }}>
        <Link to={`/questions/${item.questionId}/show`}>
          <Typography
            variant="body2"
            sx={{ display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}
          >
            {item.stem}
          </Typography>
        </Link>
        <Typography variant="caption" color="text.secondary">
          {translate(`cascade.question_type.${item.type}`)} · {item.businessProcess}
        </Typography>
      </TableCell>
      <TableCell>{translate(`cascade.difficulty.${item.difficulty}`)}</TableCell>
      <TableCell align="right">{item.responses}</TableCell>
      <TableCell>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <FacilityBar
            facility={item.facility}
            expected={item.expectedFacility}
            label={translate('cascade.analysis.facility_of', { value: fixed(item.facility) })}
          />
          <Typography variant="body2">{fixed(item.facility)}</Typography>
        </Stack>
      </TableCell>
      <TableCell>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <DiscriminationBar
            value={item.discrimination}
            label={translate('cascade.analysis.discrimination_of', { value: fixed(item.discrimination) })}
          />
          <Typography variant="body2">{fixed(item.discrimination)}</Typography>
        </Stack>
      </TableCell>
      <TableCell>
        {item.flag && <Chip size="small" color="warning" label={translate(`cascade.analysis.flag.${item.flag}`)} />}
      </TableCell>
    </TableRow>
  );
};

/** Route `/exams/:id/item-analysis`: how the exam and each question performed. */
export const ItemAnalysisPage = () => {
  const translate = useTranslate();
  const { id = '' } = useParams();
  const { data, error, loading } = useApiQuery(() => examApi.itemAnalysis(id), id);
  const { data: results } = useApiQuery(() => examApi.results(id), id);
  const title = translate('cascade.analysis.title', { title: results?.title ?? '' });
  return (
    <Box sx={{ maxWidth: 1200 }}>
      <ExamPageHeader examId={id} title={title} />
      {loading && !data && <LinearProgress />}
      {error && <Alert severity="error">{error.message}</Alert>}
      {data && (
        <Stack spacing={2}>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
            <Card variant="outlined" sx={{ flex: '2 1 0' }}>
              <CardContent>
                <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
                  {translate('cascade.analysis.distribution')}
                </Typography>
                <ScoreDistributionChart distribution={data.distribution} passPercent={results?.passPercent} />
              </CardContent>
            </Card>
            <Card variant="outlined" sx={{ flex: '1 1 0' }}>
              <CardContent>
                <Typography variant="caption" color="text.secondary">
                  {translate('cascade.analysis.attempts')}
                </Typography>
                <Typography variant="h5" sx={{ fontWeight: 700, mb: 1 }}>
                  {data.attempts}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {translate('cascade.analysis.mean')}
                </Typography>
                <Typography variant="h5" sx={{ fontWeight: 700, mb: 1 }}>
                  {data.meanPercent === null ? '—' : `${Math.round(data.meanPercent)}%`}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {translate(`cascade.analysis.reliability_${data.reliability.method}`)}
                </Typography>
                <Typography variant="h5" sx={{ fontWeight: 700 }}>
                  {fixed(data.reliability.value)}
                </Typography>
                {data.reliability.value === null && (
                  <Typography variant="caption" color="text.secondary">
                    {translate('cascade.analysis.reliability_needs_more')}
                  </Typography>
                )}
              </CardContent>
            </Card>
          </Stack>
          <Card variant="outlined">
            <CardContent sx={{ pb: 0 }}>
              <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
                {translate('cascade.analysis.items')}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {translate('cascade.analysis.items_help')}
              </Typography>
            </CardContent>
            <TableContainer>
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('cascade.analysis.question')}</TableCell>
                    <TableCell>{translate('resources.questions.fields.difficulty')}</TableCell>
                    <TableCell align="right">{translate('cascade.analysis.responses')}</TableCell>
                    <TableCell>{translate('cascade.analysis.facility')}</TableCell>
                    <TableCell>{translate('cascade.analysis.discrimination')}</TableCell>
                    <TableCell>{translate('cascade.analysis.flag_column')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {data.items.map((item) => (
                    <ItemRow key={item.questionId} item={item} />
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
          </Card>
        </Stack>
      )}
    </Box>
  );
};
