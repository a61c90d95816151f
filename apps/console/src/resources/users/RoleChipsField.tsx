import type { UserView } from '@cascade/contracts';
import { useRecordContext } from 'react-admin';
import { RoleChips } from '../../layout/RoleChips';

/** The record's roles as translated chips. */
export const RoleChipsField = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<UserView>();
  return record ? <RoleChips roles={record.roles} /> : null;
};
