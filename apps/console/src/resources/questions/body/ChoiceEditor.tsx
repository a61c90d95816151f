import AddIcon from '@mui/icons-material/Add';
import { Button, Checkbox, MenuItem, Radio, Stack, TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { nextId, type BodyEditorProps } from '../questionBody';
import { ItemRowActions } from './ItemRowActions';

const MAX_OPTIONS = 10;

/** Options with the correct one (single choice) or ones (multiple choice) ticked. */
export const ChoiceEditor = (
  props: BodyEditorProps<'single_choice'> | (BodyEditorProps<'multiple_choice'> & { multiple: true }),
) => {
  const translate = useTranslate();
  const multiple = 'multiple' in props;
  const { options } = props.body.content;
  const correct = new Set<string>(
    multiple ? (props as BodyEditorProps<'multiple_choice'>).body.key.correct : [props.body.key.correct as string],
  );

  const update = (nextOptions: typeof options, nextCorrect: Set<string>) => {
    const ids = new Set(nextOptions.map((option) => option.id));
    const kept = [...nextCorrect].filter((id) => ids.has(id));
    if (multiple) {
      const { body, onChange } = props as BodyEditorProps<'multiple_choice'>;
      onChange({ content: { options: nextOptions }, key: { ...body.key, correct: kept } });
    } else {
      (props as BodyEditorProps<'single_choice'>).onChange({
        content: { options: nextOptions },
        key: { correct: kept[0] ?? '' },
      });
    }
  };
  const toggle = (id: string) => {
    if (!multiple) return update(options, new Set([id]));
    const next = new Set(correct);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    update(options, next);
  };

  return (
    <Stack spacing={1}>
      <Typography variant="caption" color="text.secondary">
        {translate(multiple ? 'cascade.questions.tick_correct_many' : 'cascade.questions.tick_correct_one')}
      </Typography>
      {options.map((option, index) => (
        <Stack key={option.id} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          {multiple ? (
            <Checkbox
              checked={correct.has(option.id)}
              onChange={() => toggle(option.id)}
              slotProps={{ input: { 'aria-label': translate('cascade.questions.correct_option', { id: option.id }) } }}
            />
          ) : (
            <Radio
              checked={correct.has(option.id)}
              onChange={() => toggle(option.id)}
              slotProps={{ input: { 'aria-label': translate('cascade.questions.correct_option', { id: option.id }) } }}
            />
          )}
          <TextField
            size="small"
            fullWidth
            label={translate('cascade.questions.option', { id: option.id })}
            value={option.text}
            onChange={(event) =>
              update(
                options.map((o) => (o.id === option.id ? { ...o, text: event.target.value } : o)),
                correct,
              )
            }
          />
          <ItemRowActions
            index={index}
            count={options.length}
            onRemove={(at) =>
              update(
                options.filter((_, i) => i !== at),
                correct,
              )
            }
          />
        </Stack>
      ))}
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Button
          startIcon={<AddIcon />}
          disabled={options.length >= MAX_OPTIONS}
          onClick={() => update([...options, { id: nextId(options.map((option) => option.id)), text: '' }], correct)}
        >
          {translate('cascade.questions.add_option')}
        </Button>
        {multiple && (
          <TextField
            select
            size="small"
            label={translate('cascade.questions.scoring')}
            value={(props as BodyEditorProps<'multiple_choice'>).body.key.scoring}
            onChange={(event) => {
              const { body, onChange } = props as BodyEditorProps<'multiple_choice'>;
              onChange({ ...body, key: { ...body.key, scoring: event.target.value as 'partial' | 'all_or_nothing' } });
            }}
            sx={{ minWidth: 200 }}
          >
            <MenuItem value="all_or_nothing">{translate('cascade.questions.scoring_all_or_nothing')}</MenuItem>
            <MenuItem value="partial">{translate('cascade.questions.scoring_partial')}</MenuItem>
          </TextField>
        )}
      </Stack>
    </Stack>
  );
};
