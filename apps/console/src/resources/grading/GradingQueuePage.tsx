import type { ExamView } from '@cascade/contracts';
import { Alert, Box, LinearProgress, MenuItem, Pagination, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { AccessDenied, CanAccess, Title, useGetList, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { examApi } from '../../providers/examApi';
import { useApiQuery } from '../useApiQuery';
import { GradingCard } from './GradingCard';

const PER_PAGE = 10;

const ExamFilter = ({ examId, onChange }: { examId: string; onChange: (examId: string) => void }) => {
  const translate = useTranslate();
  const { data } = useGetList<ExamView>('exams', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'opensAt', order: 'DESC' },
  });
  return (
    <TextField
      select
      size="small"
      label={translate('cascade.grading.exam')}
      value={examId}
      onChange={(event) => onChange(event.target.value)}
      sx={{ minWidth: 280 }}
    >
      <MenuItem value="">{translate('cascade.grading.all_exams')}</MenuItem>
      {data?.map((exam) => (
        <MenuItem key={exam.id} value={exam.id}>
          {exam.title}
        </MenuItem>
      ))}
    </TextField>
  );
};

const Queue = () => {
  const translate = useTranslate();
  const [params, setParams] = useSearchParams();
  const examId = params.get('examId') ?? '';
  const [page, setPage] = useState(1);
  const [version, setVersion] = useState(0);
  const { data, error, loading } = useApiQuery(
    () => examApi.pendingGrading({ examId: examId || undefined, page, perPage: PER_PAGE }),
    `${examId}:${page}:${version}`,
  );
  const pages = data ? Math.max(1, Math.ceil(data.total / PER_PAGE)) : 1;
  return (
    <>
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', my: 2 }}>
        <Typography variant="h6" component="h1" sx={{ flex: '1 1 auto' }}>
          {translate('cascade.grading.title')}
          {data && ` · ${translate('cascade.grading.waiting', { smart_count: data.total })}`}
        </Typography>
        <ExamFilter
          examId={examId}
          onChange={(next) => {
            setPage(1);
            setParams(next ? { examId: next } : {});
          }}
        />
      </Stack>
      {loading && <LinearProgress />}
      {error && <Alert severity="error">{error.message}</Alert>}
      {data && data.data.length === 0 && <Alert severity="success">{translate('cascade.grading.empty')}</Alert>}
      <Stack spacing={2}>
        {data?.data.map((item) => (
          <GradingCard
            key={`${item.attemptId}:${item.questionId}`}
            item={item}
            onGraded={() => setVersion((current) => current + 1)}
          />
        ))}
      </Stack>
      {pages > 1 && <Pagination sx={{ mt: 2 }} count={pages} page={page} onChange={(_, next) => setPage(next)} />}
    </>
  );
};

/** Route `/grading`: essay answers waiting for a trainer, oldest first. */
export const GradingQueuePage = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ maxWidth: 900 }}>
      <Title title={translate('cascade.grading.title')} />
      <CanAccess resource="exams" action="grade" accessDenied={<AccessDenied />}>
        <Queue />
      </CanAccess>
    </Box>
  );
};
