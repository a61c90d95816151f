import type { UserView } from '@cascade/contracts';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  AutocompleteInput,
  BooleanField,
  Button,
  CreateButton,
  FilterButton,
  TopToolbar,
  useCanAccess,
  DataTable,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
} from 'react-admin';
import { BY_NAME, attitudeChoices, roleChoices, yesNoChoices } from '../choices';
import { RoleChipsField } from './RoleChipsField';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="organizationId" source="organizationId" reference="organizations" sort={BY_NAME} alwaysOn>
    <AutocompleteInput sx={{ minWidth: 200 }} />
  </ReferenceInput>,
  <ReferenceInput key="departmentId" source="departmentId" reference="departments" sort={BY_NAME}>
    <AutocompleteInput sx={{ minWidth: 200 }} />
  </ReferenceInput>,
  <SelectInput key="role" source="role" choices={roleChoices} />,
  <SelectInput key="isKeyUser" source="isKeyUser" choices={yesNoChoices} emptyText="cascade.boolean.any" />,
  <SelectInput key="active" source="active" choices={yesNoChoices} emptyText="cascade.boolean.any" />,
];

const ImportButton = () => {
  const { canAccess } = useCanAccess({ resource: 'users', action: 'import' });
  if (!canAccess) return null;
  return (
    <Button to="/users/import" label="cascade.menu.import_users">
      <UploadFileIcon />
    </Button>
  );
};

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <ImportButton />
  </TopToolbar>
);

const inactiveRow = (record: UserView) => (record.active ? {} : { opacity: 0.55 });

export const UserList = () => (
  <List perPage={25} filters={filters} actions={<ListActions />} sort={BY_NAME} exporter={false}>
    <DataTable rowClick="show" bulkActionButtons={false} rowSx={inactiveRow}>
      <DataTable.Col source="name" field={TextField} />
      <DataTable.Col source="email" field={TextField} />
      <DataTable.Col source="organizationId">
        <ReferenceField source="organizationId" reference="organizations" />
      </DataTable.Col>
      <DataTable.Col source="departmentId">
        <ReferenceField source="departmentId" reference="departments" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="roles" disableSort>
        <RoleChipsField />
      </DataTable.Col>
      <DataTable.Col source="isKeyUser" field={BooleanField} />
      <DataTable.Col source="attitude">
        <SelectField source="attitude" choices={attitudeChoices} emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="active" field={BooleanField} />
    </DataTable>
  </List>
);
