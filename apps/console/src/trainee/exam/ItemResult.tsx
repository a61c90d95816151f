import type { AttemptItemView } from '@cascade/contracts';
import { Alert, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { answerKeyText } from './answerKeyText';

/** Under a graded question: the score, the trainer's comment and, when the exam shows them, the answers. */
export const ItemResult = ({ item }: { item: AttemptItemView }) => {
  const translate = useTranslate();
  const result = item.result;
  if (!result) return null;
  const points = item.question.points;
  const full = result.score !== null && result.score >= points;
  const keyText = result.key ? answerKeyText(item.question, result.key, translate) : '';
  return (
    <Alert
      severity={result.score === null ? 'info' : full ? 'success' : result.score > 0 ? 'warning' : 'error'}
      sx={{ mt: 2 }}
      data-testid="item-result"
    >
      <Typography variant="body2" sx={{ fontWeight: 700 }}>
        {result.score === null
          ? translate('cascade.attempt.not_scored')
          : translate('cascade.attempt.item_score', { score: result.score, points })}
      </Typography>
      {result.comment && (
        <Typography variant="body2">{translate('cascade.attempt.comment', { comment: result.comment })}</Typography>
      )}
      {keyText && (
        <Typography variant="body2">{translate('cascade.attempt.correct_answer', { answer: keyText })}</Typography>
      )}
    </Alert>
  );
};
