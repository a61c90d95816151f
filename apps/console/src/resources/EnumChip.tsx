import { Chip, type ChipProps } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

export type ChipColor = NonNullable<ChipProps['color']>;

interface EnumChipProps {
  value: string | null | undefined;
  /** Translation prefix: the label is `<prefix>.<value>`. */
  prefix: string;
  colors: Record<string, ChipColor>;
  variant?: ChipProps['variant'];
}

/** A translated enum value (status, severity, …) as a coloured chip. */
export const EnumChip = ({ value, prefix, colors, variant }: EnumChipProps) => {
  const translate = useTranslate();
  if (!value) return null;
  return (
    <Chip
      size="small"
      color={colors[value] ?? 'default'}
      variant={variant}
      label={translate(`${prefix}.${value}`)}
      sx={{ alignSelf: 'flex-start' }}
    />
  );
};

/** EnumChip of the record's `source` field, for data tables and show pages. */
export const EnumChipField = ({
  source,
  prefix,
  colors,
}: Omit<EnumChipProps, 'value'> & { source: string; label?: string }) => {
  const record = useRecordContext();
  return <EnumChip value={record?.[source] as string | undefined} prefix={prefix} colors={colors} />;
};
