import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteIcon from '@mui/icons-material/Delete';
import { IconButton, Stack } from '@mui/material';
import { useTranslate } from 'react-admin';

/** Move and remove buttons at the end of an editable row. */
export const ItemRowActions = ({
  index,
  count,
  onMove,
  onRemove,
  minimum = 2,
}: {
  index: number;
  count: number;
  onMove?: (from: number, to: number) => void;
  onRemove: (index: number) => void;
  minimum?: number;
}) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" sx={{ flexShrink: 0 }}>
      {onMove && (
        <>
          <IconButton
            size="small"
            aria-label={translate('cascade.questions.move_up')}
            disabled={index === 0}
            onClick={() => onMove(index, index - 1)}
          >
            <ArrowUpwardIcon fontSize="small" />
          </IconButton>
          <IconButton
            size="small"
            aria-label={translate('cascade.questions.move_down')}
            disabled={index === count - 1}
            onClick={() => onMove(index, index + 1)}
          >
            <ArrowDownwardIcon fontSize="small" />
          </IconButton>
        </>
      )}
      <IconButton
        size="small"
        aria-label={translate('ra.action.remove')}
        disabled={count <= minimum}
        onClick={() => onRemove(index)}
      >
        <DeleteIcon fontSize="small" />
      </IconButton>
    </Stack>
  );
};

export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}
