import { Box, Card, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { LocalesMenuButton } from 'react-admin';

/** The frame of the pages reached without signing in, like the sign-in page; fits a phone. */
export const PublicCard = ({ title, children }: { title: string; children: ReactNode }) => (
  <Box
    component="main"
    sx={{
      minHeight: '100dvh',
      display: 'flex',
      alignItems: { xs: 'flex-start', sm: 'center' },
      justifyContent: 'center',
      p: { xs: 1.5, sm: 3 },
      backgroundImage: 'linear-gradient(135deg, #1f4e79 0%, #2e75b6 55%, #e8f1fa 100%)',
    }}
  >
    <Card sx={{ width: '100%', maxWidth: 420, mt: { xs: 4, sm: 0 } }}>
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
          <Typography variant="h6" component="h1">
            {title}
          </Typography>
          <LocalesMenuButton />
        </Box>
        {children}
      </CardContent>
    </Card>
  </Box>
);
