import type { QuestionView } from '@cascade/contracts';
import { Alert, LinearProgress } from '@mui/material';
import { useState } from 'react';
import { examApi } from '../../providers/examApi';
import { QuestionCard } from '../../trainee/exam/QuestionCard';
import { useApiQuery } from '../useApiQuery';
import { PhoneFrame } from './PhoneFrame';

/** The saved question exactly as the server hands it to trainees: no key, options shuffled as they would be. */
export const QuestionPreview = ({ record }: { record: QuestionView }) => {
  const { data, error, loading } = useApiQuery(
    () => examApi.traineeView(record.id),
    `${record.id}:${record.version}:${record.updatedAt}`,
  );
  const [response, setResponse] = useState<unknown>(undefined);
  if (loading && !data) return <LinearProgress />;
  if (error) return <Alert severity="error">{error.message}</Alert>;
  if (!data) return null;
  return (
    <PhoneFrame>
      <QuestionCard question={data} position={1} value={response} onChange={setResponse} />
    </PhoneFrame>
  );
};
