import type { AuditEntryView } from '@cascade/contracts';
import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { alpha } from '@mui/material/styles';
import { useRecordContext, useTranslate } from 'react-admin';

const show = (value: unknown) => (value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value));

/** Before and after side by side, one row per field, changed fields highlighted. */
export const AuditChanges = () => {
  const record = useRecordContext<AuditEntryView>();
  const translate = useTranslate();
  if (!record) return null;
  const before = record.before ?? {};
  const after = record.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  if (fields.length === 0) {
    return <Typography color="text.secondary">{translate('cascade.audit.empty')}</Typography>;
  }
  const label = (source: string) => translate(`resources.audit-entries.fields.${source}`);
  return (
    <TableContainer>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('cascade.audit.field')}</TableCell>
            <TableCell>{label('before')}</TableCell>
            <TableCell>{label('after')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {fields.map((field) => {
            const changed = show(before[field]) !== show(after[field]);
            return (
              <TableRow
                key={field}
                sx={changed ? { bgcolor: (theme) => alpha(theme.palette.warning.main, 0.12) } : undefined}
              >
                <TableCell sx={{ fontFamily: 'monospace' }}>{field}</TableCell>
                <TableCell sx={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{show(before[field])}</TableCell>
                <TableCell sx={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{show(after[field])}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
};
