import AddIcon from '@mui/icons-material/Add';
import { Button, Stack, TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { nextId, type BodyEditorProps } from '../questionBody';
import { ItemRowActions, moved } from './ItemRowActions';

const MAX_ITEMS = 12;

/** Items written in their correct order; trainees get them shuffled. */
export const OrderingEditor = ({ body, onChange }: BodyEditorProps<'ordering'>) => {
  const translate = useTranslate();
  const byId = new Map(body.content.items.map((item) => [item.id, item]));
  const ordered = body.key.order.map((id) => byId.get(id)).filter((item) => item !== undefined);
  // Items the key forgot go last, so nothing the author wrote disappears.
  for (const item of body.content.items) if (!body.key.order.includes(item.id)) ordered.push(item);
  const set = (items: typeof ordered) => onChange({ content: { items }, key: { order: items.map((item) => item.id) } });
  return (
    <Stack spacing={1}>
      <Typography variant="caption" color="text.secondary">
        {translate('cascade.questions.ordering_help')}
      </Typography>
      {ordered.map((item, index) => (
        <Stack key={item.id} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography sx={{ width: 24, fontWeight: 700 }}>{index + 1}.</Typography>
          <TextField
            size="small"
            fullWidth
            label={translate('cascade.questions.step', { number: index + 1 })}
            value={item.text}
            onChange={(event) => set(ordered.map((o) => (o.id === item.id ? { ...o, text: event.target.value } : o)))}
          />
          <ItemRowActions
            index={index}
            count={ordered.length}
            onMove={(from, to) => set(moved(ordered, from, to))}
            onRemove={(at) => set(ordered.filter((_, i) => i !== at))}
          />
        </Stack>
      ))}
      <Button
        startIcon={<AddIcon />}
        sx={{ alignSelf: 'flex-start' }}
        disabled={ordered.length >= MAX_ITEMS}
        onClick={() => set([...ordered, { id: nextId(ordered.map((item) => item.id)), text: '' }])}
      >
        {translate('cascade.questions.add_step')}
      </Button>
    </Stack>
  );
};
