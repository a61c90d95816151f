import type { UserImportResult } from '@cascade/contracts';
import { useDataProvider } from 'react-admin';
import type { CascadeDataProvider } from '../../providers/dataProvider';
import { SpreadsheetImport } from '../SpreadsheetImport';

/** Column names the importer accepts, in English or Chinese. */
const COLUMNS = [
  { key: 'name', zh: '姓名', required: true },
  { key: 'email', zh: '邮箱', required: true },
  { key: 'department', zh: '部门', required: false },
  { key: 'roles', zh: '角色', required: true },
  { key: 'keyUser', zh: '关键用户', required: false },
  { key: 'attitude', zh: '态度', required: false },
  { key: 'locale', zh: '语言', required: false },
  { key: 'password', zh: '密码', required: false },
] as const;

/** Route `/users/import`: all rows or none, with every bad row listed. */
export const UserImport = () => {
  const dataProvider = useDataProvider<CascadeDataProvider>();
  return (
    <SpreadsheetImport<UserImportResult>
      resource="users"
      texts="cascade.import"
      columns={COLUMNS}
      upload={(organizationId, file) => dataProvider.importUsers(organizationId, file)}
      createdOf={(result) =>
        result.users.map((user) => ({
          id: user.id,
          link: `/users/${user.id}/show`,
          label: `${user.name} <${user.email}>`,
        }))
      }
    />
  );
};
