import type { QuestionView, TraineeQuestionView } from '@cascade/contracts';
import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { answerKeyText } from '../../trainee/exam/answerKeyText';

/** The answer key in words, for staff reading the question. */
export const QuestionKeySummary = ({ record }: { record: QuestionView }) => {
  const translate = useTranslate();
  const asTrainee = { ...record, questionId: record.id, scenario: null } as unknown as TraineeQuestionView;
  const extra =
    record.type === 'multiple_choice'
      ? ` · ${translate(`cascade.questions.scoring_${record.key.scoring}`)}`
      : record.type === 'fill_in'
        ? [
            record.key.ignoreCase ? ` · ${translate('cascade.questions.ignore_case')}` : '',
            record.key.ignoreSpaces ? ` · ${translate('cascade.questions.ignore_spaces')}` : '',
          ].join('')
        : '';
  return (
    <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
      {answerKeyText(asTrainee, record.key, translate)}
      {extra}
    </Typography>
  );
};
