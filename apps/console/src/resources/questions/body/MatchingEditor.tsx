import AddIcon from '@mui/icons-material/Add';
import { Button, Stack, TextField, Typography } from '@mui/material';
import type { LabelledItem } from '@cascade/contracts';
import { useTranslate } from 'react-admin';
import { nextId, type BodyEditorProps } from '../questionBody';
import { ItemRowActions } from './ItemRowActions';

const MAX_ROWS = 10;

/** A left item with its matching right item, or a right item alone (a distractor) when left is null. */
interface Row {
  left: LabelledItem | null;
  right: LabelledItem;
}

function rowsOf(body: BodyEditorProps<'matching'>['body']): Row[] {
  const rights = new Map(body.content.right.map((item) => [item.id, item]));
  const used = new Set<string>();
  const rows: Row[] = body.content.left.map((left) => {
    const rightId = body.key.pairs.find((pair) => pair.left === left.id)?.right;
    const right = (rightId && rights.get(rightId)) || { id: nextId([...rights.keys(), ...used], 'number'), text: '' };
    used.add(right.id);
    return { left, right };
  });
  for (const right of body.content.right) if (!used.has(right.id)) rows.push({ left: null, right });
  return rows;
}

function bodyOf(rows: Row[]): BodyEditorProps<'matching'>['body'] {
  const lefts = rows.flatMap((row) => (row.left ? [row.left] : []));
  const rights = [...new Map(rows.map((row) => [row.right.id, row.right])).values()];
  return {
    content: { left: lefts, right: rights },
    key: { pairs: rows.flatMap((row) => (row.left ? [{ left: row.left.id, right: row.right.id }] : [])) },
  };
}

/** Pairs written side by side; trainees get the right column shuffled. Distractors have no left item. */
export const MatchingEditor = ({ body, onChange }: BodyEditorProps<'matching'>) => {
  const translate = useTranslate();
  const rows = rowsOf(body);
  const set = (next: Row[]) => onChange(bodyOf(next));
  const leftIds = rows.flatMap((row) => (row.left ? [row.left.id] : []));
  const rightIds = rows.map((row) => row.right.id);
  const add = (distractor: boolean) =>
    set([
      ...rows,
      {
        left: distractor ? null : { id: nextId(leftIds), text: '' },
        right: { id: nextId(rightIds, 'number'), text: '' },
      },
    ]);
  return (
    <Stack spacing={1}>
      <Typography variant="caption" color="text.secondary">
        {translate('cascade.questions.matching_help')}
      </Typography>
      {rows.map((row, index) => (
        <Stack key={row.right.id} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          {row.left ? (
            <TextField
              size="small"
              fullWidth
              label={translate('cascade.questions.left_item', { id: row.left.id })}
              value={row.left.text}
              onChange={(event) =>
                set(
                  rows.map((r, i) =>
                    i === index && r.left ? { ...r, left: { ...r.left, text: event.target.value } } : r,
                  ),
                )
              }
            />
          ) : (
            <Typography variant="body2" color="text.secondary" sx={{ width: '100%', pl: 1 }}>
              {translate('cascade.questions.distractor')}
            </Typography>
          )}
          <Typography aria-hidden>→</Typography>
          <TextField
            size="small"
            fullWidth
            label={translate('cascade.questions.right_item', { id: row.right.id })}
            value={row.right.text}
            onChange={(event) =>
              set(rows.map((r, i) => (i === index ? { ...r, right: { ...r.right, text: event.target.value } } : r)))
            }
          />
          <ItemRowActions index={index} count={rows.length} onRemove={(at) => set(rows.filter((_, i) => i !== at))} />
        </Stack>
      ))}
      <Stack direction="row" spacing={1}>
        <Button startIcon={<AddIcon />} disabled={rows.length >= MAX_ROWS} onClick={() => add(false)}>
          {translate('cascade.questions.add_pair')}
        </Button>
        <Button startIcon={<AddIcon />} disabled={rows.length >= MAX_ROWS} onClick={() => add(true)}>
          {translate('cascade.questions.add_distractor')}
        </Button>
      </Stack>
    </Stack>
  );
};
