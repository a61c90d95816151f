import AddIcon from '@mui/icons-material/Add';
import { Alert, Button, Stack, TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { BodyEditorProps } from '../questionBody';
import { ItemRowActions } from './ItemRowActions';

const MAX_CRITERIA = 20;

/** The rubric a trainer grades against; its points must add up to the question's. */
export const EssayEditor = ({ body, onChange, points }: BodyEditorProps<'essay'>) => {
  const translate = useTranslate();
  const { rubric } = body.key;
  const total = Math.round(rubric.reduce((sum, criterion) => sum + (criterion.points || 0), 0) * 100) / 100;
  const setRubric = (next: typeof rubric) => onChange({ ...body, key: { rubric: next } });
  return (
    <Stack spacing={1.5}>
      <TextField
        size="small"
        type="number"
        label={translate('cascade.questions.max_words')}
        value={body.content.maxWords ?? ''}
        onChange={(event) => {
          const value = Number.parseInt(event.target.value, 10);
          onChange({ ...body, content: Number.isFinite(value) && value > 0 ? { maxWords: value } : {} });
        }}
        sx={{ maxWidth: 220 }}
        helperText={translate('cascade.questions.max_words_help')}
      />
      <Typography variant="subtitle2">{translate('cascade.questions.rubric')}</Typography>
      {rubric.map((criterion, index) => (
        <Stack key={index} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <TextField
            size="small"
            fullWidth
            label={translate('cascade.questions.criterion', { number: index + 1 })}
            value={criterion.criterion}
            onChange={(event) =>
              setRubric(rubric.map((c, i) => (i === index ? { ...c, criterion: event.target.value } : c)))
            }
          />
          <TextField
            size="small"
            type="number"
            label={translate('cascade.questions.criterion_points')}
            value={criterion.points}
            onChange={(event) =>
              setRubric(rubric.map((c, i) => (i === index ? { ...c, points: Number(event.target.value) } : c)))
            }
            sx={{ width: 110, flexShrink: 0 }}
            slotProps={{ htmlInput: { min: 0.5, step: 0.5 } }}
          />
          <ItemRowActions
            index={index}
            count={rubric.length}
            minimum={1}
            onRemove={(at) => setRubric(rubric.filter((_, i) => i !== at))}
          />
        </Stack>
      ))}
      <Button
        startIcon={<AddIcon />}
        sx={{ alignSelf: 'flex-start' }}
        disabled={rubric.length >= MAX_CRITERIA}
        onClick={() => setRubric([...rubric, { criterion: '', points: 1 }])}
      >
        {translate('cascade.questions.add_criterion')}
      </Button>
      {points !== undefined && (
        <Alert severity={total === points ? 'success' : 'warning'}>
          {translate('cascade.questions.rubric_total', { total, points })}
        </Alert>
      )}
    </Stack>
  );
};
