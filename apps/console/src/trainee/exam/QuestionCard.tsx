import type { TraineeQuestionView } from '@cascade/contracts';
import { Box, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { ResponseInput } from './inputs/ResponseInput';

const ScenarioBox = ({ scenario }: { scenario: NonNullable<TraineeQuestionView['scenario']> }) => {
  const translate = useTranslate();
  return (
    <Box
      component="section"
      aria-label={translate('cascade.attempt.scenario')}
      sx={{ bgcolor: 'grey.100', borderLeft: 4, borderColor: 'primary.light', p: 1.5, mb: 2, borderRadius: 1 }}
    >
      <Typography variant="subtitle2" sx={{ fontWeight: 700 }}>
        {translate('cascade.attempt.scenario')} · {scenario.title}
      </Typography>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
        {scenario.narrative}
      </Typography>
    </Box>
  );
};

interface Props {
  question: TraineeQuestionView;
  position: number;
  value: unknown;
  onChange: (value: unknown) => void;
  disabled?: boolean;
  /** Under the input: a saved mark, a result. */
  footer?: ReactNode;
}

/** One question as the trainee sees it: scenario, stem, points and the input for its type. */
export const QuestionCard = ({ question, position, value, onChange, disabled, footer }: Props) => {
  const translate = useTranslate();
  return (
    <Card
      component="article"
      variant="outlined"
      data-testid="exam-question"
      data-type={question.type}
      data-question-id={question.questionId}
      aria-labelledby={`question-${question.questionId}`}
    >
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap' }} useFlexGap>
          <Typography variant="overline" sx={{ fontWeight: 700, lineHeight: 1.5 }}>
            {translate('cascade.attempt.question_number', { number: position })}
          </Typography>
          <Chip size="small" variant="outlined" label={translate(`cascade.question_type.${question.type}`)} />
          <Chip
            size="small"
            variant="outlined"
            label={translate('cascade.attempt.points', { smart_count: question.points })}
          />
        </Stack>
        {question.scenario && <ScenarioBox scenario={question.scenario} />}
        <Typography
          id={`question-${question.questionId}`}
          variant="body1"
          component="h2"
          sx={{ fontWeight: 600, mb: 2, whiteSpace: 'pre-wrap' }}
        >
          {question.stem}
        </Typography>
        <ResponseInput question={question} value={value} onChange={onChange} disabled={disabled} />
        {footer}
      </CardContent>
    </Card>
  );
};
