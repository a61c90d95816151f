import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import { Alert, Box, Button, IconButton, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { ResponseInputProps } from '../responses';

/** Up and down buttons rather than dragging: they work with a thumb, a keyboard and a screen reader. */
export const OrderingInput = ({ question, value, onChange, disabled }: ResponseInputProps<'ordering'>) => {
  const translate = useTranslate();
  const items = question.content.items;
  const byId = new Map(items.map((item) => [item.id, item]));
  const order = value && value.length === items.length ? value : items.map((item) => item.id);
  const move = (index: number, by: -1 | 1) => {
    const next = [...order];
    [next[index], next[index + by]] = [next[index + by], next[index]];
    onChange(next);
  };
  return (
    <Box>
      {!value && (
        <Alert
          severity="info"
          sx={{ mb: 1 }}
          action={
            <Button color="inherit" size="small" onClick={() => onChange(order)} disabled={disabled}>
              {translate('cascade.attempt.keep_order')}
            </Button>
          }
        >
          {translate('cascade.attempt.ordering_help')}
        </Alert>
      )}
      <Stack component="ol" spacing={1} sx={{ listStyle: 'none', p: 0, m: 0 }} aria-label={question.stem}>
        {order.map((id, index) => (
          <Stack
            key={id}
            component="li"
            direction="row"
            sx={{ alignItems: 'center', border: 1, borderColor: 'divider', borderRadius: 1, pl: 1.5 }}
          >
            <Typography sx={{ fontWeight: 700, width: 28, flexShrink: 0 }}>{index + 1}.</Typography>
            <Typography sx={{ flex: 1, py: 1 }}>{byId.get(id)?.text ?? id}</Typography>
            <IconButton
              aria-label={translate('cascade.attempt.move_up', { item: byId.get(id)?.text ?? id })}
              disabled={disabled || index === 0}
              onClick={() => move(index, -1)}
            >
              <ArrowUpwardIcon />
            </IconButton>
            <IconButton
              aria-label={translate('cascade.attempt.move_down', { item: byId.get(id)?.text ?? id })}
              disabled={disabled || index === order.length - 1}
              onClick={() => move(index, 1)}
            >
              <ArrowDownwardIcon />
            </IconButton>
          </Stack>
        ))}
      </Stack>
    </Box>
  );
};
