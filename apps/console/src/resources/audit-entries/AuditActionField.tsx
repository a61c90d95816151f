import type { AuditEntryView } from '@cascade/contracts';
import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

const COLORS = { create: 'success', update: 'info', delete: 'error' } as const;

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
