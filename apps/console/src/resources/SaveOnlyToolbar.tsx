import { SaveButton, Toolbar } from 'react-admin';

/** Form toolbar for records that are never deleted (they are deactivated or kept). */
export const SaveOnlyToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);
