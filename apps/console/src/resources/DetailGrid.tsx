import { Box } from '@mui/material';
import type { ReactNode } from 'react';

/** Labeled fields in two columns on wide screens, one on a phone. */
export const DetailGrid = ({ children }: { children: ReactNode }) => (
  <Box
    sx={{
      display: 'grid',
      gridTemplateColumns: { xs: '1fr', md: 'repeat(2, minmax(0, 1fr))' },
      columnGap: 4,
      rowGap: 2,
      p: { xs: 2, sm: 3 },
    }}
  >
    {children}
  </Box>
);
