import {
  AutocompleteInput,
  CreateButton,
  DataTable,
  FilterButton,
  List,
  NumberField,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextField,
  TopToolbar,
} from 'react-admin';
import { BY_NAME, planStatusChoices } from '../choices';
import { EnumChipField } from '../EnumChip';
import { LocaleDateField } from '../LocaleDateField';
import { PLAN_STATUS_COLORS } from './planStatus';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={planStatusChoices} alwaysOn />,
  <ReferenceInput
    key="organizationId"
    source="organizationId"
    reference="organizations"
    filter={{ kind: 'client' }}
    sort={BY_NAME}
  >
    <AutocompleteInput sx={{ minWidth: 200 }} />
  </ReferenceInput>,
];

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
  </TopToolbar>
);

export const PlanList = () => (
  <List
    perPage={25}
    filters={filters}
    actions={<ListActions />}
    sort={{ field: 'updatedAt', order: 'DESC' }}
    exporter={false}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="title" field={TextField} />
      <DataTable.Col source="organizationId" disableSort>
        <ReferenceField source="organizationId" reference="organizations" />
      </DataTable.Col>
      <DataTable.Col source="status">
        <EnumChipField source="status" prefix="cascade.plan_status" colors={PLAN_STATUS_COLORS} />
      </DataTable.Col>
      <DataTable.Col source="revision" disableSort field={NumberField} />
      <DataTable.Col source="updatedAt">
        <LocaleDateField source="updatedAt" />
      </DataTable.Col>
    </DataTable>
  </List>
);
