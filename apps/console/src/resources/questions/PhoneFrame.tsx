import { Box } from '@mui/material';
import type { ReactNode } from 'react';

/** A phone-wide column, so authors see the question at the width most trainees will. */
export const PhoneFrame = ({ children }: { children: ReactNode }) => (
  <Box
    sx={{
      width: '100%',
      maxWidth: 390,
      mx: 'auto',
      border: 8,
      borderColor: 'grey.800',
      borderRadius: 4,
      bgcolor: 'background.default',
      p: 1.5,
      maxHeight: '70vh',
      overflowY: 'auto',
    }}
  >
    {children}
  </Box>
);
