import { Box, type BoxProps } from '@mui/material';

/** A whole-row tap target around a radio or checkbox: fingers miss small circles on a phone. */
export const ChoiceBox = ({ selected, sx, ...props }: BoxProps & { selected: boolean }) => (
  <Box
    {...props}
    sx={{
      border: 1,
      borderColor: selected ? 'primary.main' : 'divider',
      bgcolor: selected ? 'action.selected' : 'background.paper',
      borderRadius: 1,
      px: 1,
      py: 0.25,
      mb: 1,
      '& .MuiFormControlLabel-root': { width: '100%', m: 0, py: 0.5 },
      ...sx,
    }}
  />
);
