import type { Role } from '@cascade/contracts';
import { Chip, Stack } from '@mui/material';
import { useTranslate } from 'react-admin';

const ROLE_COLORS: Record<Role, 'primary' | 'secondary' | 'success' | 'default'> = {
  admin: 'secondary',
  trainer: 'primary',
  manager: 'success',
  trainee: 'default',
};

export const RoleChips = ({ roles }: { roles: readonly Role[] | undefined }) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {(roles ?? []).map((role) => (
        <Chip
          key={role}
          size="small"
          color={ROLE_COLORS[role] ?? 'default'}
          label={translate(`cascade.roles.${role}`)}
        />
      ))}
    </Stack>
  );
};
