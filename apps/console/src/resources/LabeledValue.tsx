import { Box } from '@mui/material';
import type { ReactNode } from 'react';
import { Labeled } from 'react-admin';

/**
 * A label over any content. Labeled leaves plain elements (span, div) unlabeled,
 * so the content goes into a Box.
 */
export const LabeledValue = ({ label, children }: { label: string; children: ReactNode }) => (
  <Labeled label={label}>
    <Box sx={{ typography: 'body2' }}>{children}</Box>
  </Labeled>
);
