import type { PendingGradingItem } from '@cascade/contracts';
import CheckIcon from '@mui/icons-material/Check';
import {
  Alert,
  Box,
  Button,
  Card,
  CardActions,
  CardContent,
  CircularProgress,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useLocaleState, useNotify, useTranslate } from 'react-admin';
import { examApi } from '../../providers/examApi';
import { countWords } from '../../trainee/exam/responses';
import { rubricScores } from './rubricScore';

/** One essay answer: the trainee's text beside the rubric, a score per criterion adding up to the total. */
export const GradingCard = ({ item, onGraded }: { item: PendingGradingItem; onGraded: () => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const [typed, setTyped] = useState<Record<number, string>>({});
  const [comment, setComment] = useState('');
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { criteria, total, complete, invalid } = rubricScores(item.rubric, typed);

  const grade = async () => {
    setSaving(true);
    setFailure(null);
    try {
      const graded = await examApi.grade(item.attemptId, item.questionId, {
        score: total,
        comment: comment.trim() || undefined,
        criteria,
      });
      notify(graded.attemptStatus === 'finalized' ? 'cascade.grading.finalized' : 'cascade.grading.saved', {
        type: 'success',
        messageArgs: { name: item.userName },
      });
      onGraded();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : translate('ra.notification.http_error'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card variant="outlined" component="article" data-testid="grading-item" aria-label={item.userName}>
      <CardContent>
        <Typography variant="caption" color="text.secondary">
          {item.examTitle} · {translate('cascade.attempt.question_number', { number: item.position + 1 })} ·{' '}
          {new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23' }).format(
            new Date(item.submittedAt),
          )}
        </Typography>
        <Typography variant="h6" component="h2" sx={{ fontWeight: 600 }}>
          {item.userName}
        </Typography>
        {item.scenario && (
          <Box sx={{ bgcolor: 'grey.100', p: 1.5, borderRadius: 1, my: 1 }}>
            <Typography variant="subtitle2">{item.scenario.title}</Typography>
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
              {item.scenario.narrative}
            </Typography>
          </Box>
        )}
        <Typography variant="body1" sx={{ fontWeight: 600, my: 1, whiteSpace: 'pre-wrap' }}>
          {item.stem}
        </Typography>
        <Box
          sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5, bgcolor: 'background.default' }}
          data-testid="grading-response"
        >
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
            {item.response?.trim() ? item.response : translate('cascade.grading.no_answer')}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {item.maxWords
              ? translate('cascade.attempt.words_of_max', {
                  words: countWords(item.response ?? ''),
                  max: item.maxWords,
                })
              : translate('cascade.attempt.words', { words: countWords(item.response ?? '') })}
          </Typography>
        </Box>

        <Typography variant="subtitle2" sx={{ mt: 2, mb: 1 }}>
          {translate('cascade.questions.rubric')}
        </Typography>
        <Stack spacing={1}>
          {item.rubric.map((criterion, index) => (
            <Stack key={index} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Typography variant="body2" sx={{ flex: 1 }}>
                {criterion.criterion}
              </Typography>
              <TextField
                size="small"
                type="number"
                label={translate('cascade.grading.criterion_score', { points: criterion.points })}
                value={typed[index] ?? ''}
                onChange={(event) => setTyped((current) => ({ ...current, [index]: event.target.value }))}
                error={invalid.includes(index)}
                slotProps={{ htmlInput: { min: 0, max: criterion.points, step: 0.5 } }}
                sx={{ width: 140, flexShrink: 0 }}
              />
            </Stack>
          ))}
        </Stack>
        <Typography variant="h6" sx={{ mt: 1, textAlign: 'right' }} data-testid="grading-total">
          {translate('cascade.grading.total', { score: total, points: item.points })}
        </Typography>
        <TextField
          label={translate('cascade.grading.comment')}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          fullWidth
          multiline
          minRows={2}
          sx={{ mt: 1 }}
        />
        {failure && (
          <Alert severity="error" sx={{ mt: 1 }}>
            {failure}
          </Alert>
        )}
      </CardContent>
      <CardActions sx={{ justifyContent: 'flex-end', px: 2, pb: 2 }}>
        <Button
          variant="contained"
          disabled={!complete || saving}
          onClick={() => void grade()}
          startIcon={saving ? <CircularProgress size={18} color="inherit" /> : <CheckIcon />}
        >
          {translate('cascade.grading.save')}
        </Button>
      </CardActions>
    </Card>
  );
};
