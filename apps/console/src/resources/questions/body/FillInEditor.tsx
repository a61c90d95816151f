import AddIcon from '@mui/icons-material/Add';
import { Autocomplete, Button, Chip, FormControlLabel, Stack, Switch, TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { BodyEditorProps } from '../questionBody';
import { ItemRowActions } from './ItemRowActions';

const MAX_BLANKS = 10;

/** One list of accepted answers per blank, typed as chips (Enter adds one). */
export const FillInEditor = ({ body, onChange }: BodyEditorProps<'fill_in'>) => {
  const translate = useTranslate();
  const { accepted } = body.key;
  const setAccepted = (next: string[][]) =>
    onChange({ content: { blanks: next.length }, key: { ...body.key, accepted: next } });
  return (
    <Stack spacing={1.5}>
      <Typography variant="caption" color="text.secondary">
        {translate('cascade.questions.fill_in_help')}
      </Typography>
      {accepted.map((answers, index) => (
        <Stack key={index} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Autocomplete
            multiple
            freeSolo
            autoSelect
            fullWidth
            options={[]}
            value={answers}
            onChange={(_, value) =>
              setAccepted(
                accepted.map((old, i) =>
                  i === index ? [...new Set(value.map((v) => String(v).trim()).filter(Boolean))] : old,
                ),
              )
            }
            renderValue={(values, getItemProps) =>
              values.map((value, i) => {
                const { key, ...itemProps } = getItemProps({ index: i });
                return <Chip key={key} size="small" label={value} {...itemProps} />;
              })
            }
            renderInput={(params) => (
              <TextField
                {...params}
                size="small"
                label={translate('cascade.questions.blank_answers', { number: index + 1 })}
              />
            )}
          />
          <ItemRowActions
            index={index}
            count={accepted.length}
            minimum={1}
            onRemove={(at) => setAccepted(accepted.filter((_, i) => i !== at))}
          />
        </Stack>
      ))}
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Button
          startIcon={<AddIcon />}
          disabled={accepted.length >= MAX_BLANKS}
          onClick={() => setAccepted([...accepted, []])}
        >
          {translate('cascade.questions.add_blank')}
        </Button>
        <FormControlLabel
          control={
            <Switch
              checked={body.key.ignoreCase}
              onChange={(event) => onChange({ ...body, key: { ...body.key, ignoreCase: event.target.checked } })}
            />
          }
          label={translate('cascade.questions.ignore_case')}
        />
        <FormControlLabel
          control={
            <Switch
              checked={body.key.ignoreSpaces}
              onChange={(event) => onChange({ ...body, key: { ...body.key, ignoreSpaces: event.target.checked } })}
            />
          }
          label={translate('cascade.questions.ignore_spaces')}
        />
      </Stack>
    </Stack>
  );
};
