import type { BlueprintRow } from '@cascade/contracts';
import AddIcon from '@mui/icons-material/Add';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import DeleteIcon from '@mui/icons-material/Delete';
import ErrorIcon from '@mui/icons-material/Error';
import {
  Alert,
  Autocomplete,
  Box,
  Button,
  CircularProgress,
  IconButton,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useInput, useTranslate } from 'react-admin';
import { useBusinessProcesses } from './useBusinessProcesses';
import { useCellAvailability } from './useCellAvailability';

type RowValues = Partial<BlueprintRow>;

const AvailabilityCell = ({ organizationId, row }: { organizationId?: string; row: RowValues }) => {
  const translate = useTranslate();
  const available = useCellAvailability(organizationId, row.businessProcess, row.difficulty);
  if (available === undefined) return <Typography color="text.disabled">—</Typography>;
  if (available === null) return <CircularProgress size={16} />;
  const enough = available >= (Number(row.count) || 0);
  return (
    <Stack
      direction="row"
      spacing={0.5}
      sx={{ alignItems: 'center', color: enough ? 'success.main' : 'error.main' }}
      data-testid="blueprint-availability"
      data-sufficient={enough}
    >
      {enough ? <CheckCircleIcon fontSize="small" /> : <ErrorIcon fontSize="small" />}
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {translate('cascade.exams.available', { available })}
      </Typography>
    </Stack>
  );
};

/** The server answers 422 naming the cell as `blueprint.N`; the form keeps those under this input. */
function rowError(error: unknown, index: number): string | undefined {
  const entry = (error as Record<number, { message?: string } | undefined> | undefined)?.[index];
  return entry?.message || undefined;
}

/** Business process × difficulty × count × points, each row showing how many active questions it can draw from. */
export const BlueprintGridInput = ({ organizationId }: { organizationId?: string }) => {
  const translate = useTranslate();
  const { field, fieldState } = useInput({ source: 'blueprint', defaultValue: [] });
  const processes = useBusinessProcesses(organizationId);
  const rows = (field.value as RowValues[] | null) ?? [];
  const set = (next: RowValues[]) => field.onChange(next);
  const update = (index: number, change: RowValues) =>
    set(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const totalCount = rows.reduce((sum, row) => sum + (Number(row.count) || 0), 0);
  const rootError = (fieldState.error as { message?: string } | undefined)?.message;

  return (
    <Box sx={{ width: '100%', mb: 2 }}>
      <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 1 }}>
        <Table size="small" aria-label={translate('resources.exams.fields.blueprint')}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ minWidth: 200 }}>{translate('cascade.exams.cell_process')}</TableCell>
              <TableCell sx={{ width: 150 }}>{translate('cascade.exams.cell_difficulty')}</TableCell>
              <TableCell sx={{ width: 110 }}>{translate('cascade.exams.cell_count')}</TableCell>
              <TableCell sx={{ width: 140 }}>{translate('cascade.exams.cell_points')}</TableCell>
              <TableCell sx={{ width: 150 }}>{translate('cascade.exams.cell_available')}</TableCell>
              <TableCell sx={{ width: 48 }} />
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row, index) => {
              const error = rowError(fieldState.error, index);
              return (
                <TableRow
                  key={index}
                  data-testid="blueprint-row"
                  sx={error ? { bgcolor: 'rgba(211, 47, 47, 0.06)' } : undefined}
                >
                  <TableCell>
                    <Autocomplete
                      freeSolo
                      options={processes}
                      value={row.businessProcess ?? ''}
                      onInputChange={(_, value) => update(index, { businessProcess: value })}
                      renderInput={(params) => (
                        <TextField
                          {...params}
                          size="small"
                          label={translate('cascade.exams.cell_process')}
                          error={Boolean(error)}
                          helperText={error}
                        />
                      )}
                    />
                  </TableCell>
                  <TableCell>
                    <TextField
                      select
                      size="small"
                      fullWidth
                      label={translate('cascade.exams.cell_difficulty')}
                      value={row.difficulty ?? ''}
                      onChange={(event) => update(index, { difficulty: Number(event.target.value) })}
                    >
                      {[1, 2, 3, 4, 5].map((level) => (
                        <MenuItem key={level} value={level}>
                          {translate(`cascade.difficulty.${level}`)}
                        </MenuItem>
                      ))}
                    </TextField>
                  </TableCell>
                  <TableCell>
                    <TextField
                      size="small"
                      type="number"
                      fullWidth
                      label={translate('cascade.exams.cell_count')}
                      value={row.count ?? ''}
                      onChange={(event) => update(index, { count: Number(event.target.value) })}
                      slotProps={{ htmlInput: { min: 1, max: 200 } }}
                    />
                  </TableCell>
                  <TableCell>
                    <TextField
                      size="small"
                      type="number"
                      fullWidth
                      label={translate('cascade.exams.cell_points')}
                      placeholder={translate('cascade.exams.own_points')}
                      value={row.points ?? ''}
                      onChange={(event) =>
                        update(index, { points: event.target.value === '' ? null : Number(event.target.value) })
                      }
                      slotProps={{ htmlInput: { min: 0.5, step: 0.5 }, inputLabel: { shrink: true } }}
                    />
                  </TableCell>
                  <TableCell>
                    <AvailabilityCell organizationId={organizationId} row={row} />
                  </TableCell>
                  <TableCell>
                    <IconButton
                      size="small"
                      aria-label={translate('ra.action.remove')}
                      onClick={() => set(rows.filter((_, i) => i !== index))}
                    >
                      <DeleteIcon fontSize="small" />
                    </IconButton>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mt: 1 }}>
        <Button
          startIcon={<AddIcon />}
          onClick={() => set([...rows, { businessProcess: '', difficulty: 2, count: 1, points: null }])}
        >
          {translate('cascade.exams.add_cell')}
        </Button>
        <Typography variant="body2" color="text.secondary">
          {translate('cascade.exams.blueprint_total', { smart_count: totalCount })}
        </Typography>
      </Stack>
      {rootError && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {rootError}
        </Alert>
      )}
    </Box>
  );
};
