import type { AuditEntryView } from '@cascade/contracts';
import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

// Named actions (a grade, a release) show in the default colour.
const COLORS: Partial<Record<AuditEntryView['action'], 'success' | 'info' | 'error'>> = {
  create: 'success',
  update: 'info',
  delete: 'error',
};

export const AuditActionField = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<AuditEntryView>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      sx={{ alignSelf: 'flex-start' }}
      color={COLORS[record.action] ?? 'default'}
      label={translate(`cascade.audit.action.${record.action}`, { _: record.action })}
    />
  );
};
