import type { UserView } from '@cascade/contracts';
import { useRecordContext } from 'react-admin';
import { RoleChips } from '../../layout/RoleChips';

/** The record's roles as translated chips. */
export const RoleChipsField = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<UserView>();
  // As they apply now: a client user holds the trainer role while a qualification is valid.
  return record ? <RoleChips roles={record.effectiveRoles ?? record.roles} /> : null;
};
