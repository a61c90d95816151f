import type { FeedbackFormView } from '@cascade/contracts';
import {
  AutocompleteInput,
  BooleanField,
  DataTable,
  FunctionField,
  List,
  NumberField,
  ReferenceField,
  ReferenceInput,
  SearchInput,
} from 'react-admin';
import { BY_NAME, BY_TITLE } from '../choices';
import { LocaleDateField } from '../LocaleDateField';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="organizationId" source="organizationId" reference="organizations" sort={BY_NAME}>
    <AutocompleteInput sx={{ minWidth: 200 }} />
  </ReferenceInput>,
];

export const FeedbackFormList = () => (
  <List perPage={25} filters={filters} sort={BY_TITLE}>
    <DataTable bulkActionButtons={false} rowClick="show">
      <DataTable.Col source="title" />
      <DataTable.Col source="organizationId">
        <ReferenceField source="organizationId" reference="organizations" />
      </DataTable.Col>
      <DataTable.Col source="anonymous" field={BooleanField} disableSort />
      <DataTable.Col source="items" disableSort>
        <FunctionField<FeedbackFormView> render={(form) => form.items.length} />
      </DataTable.Col>
      <DataTable.Col source="responseCount" field={NumberField} disableSort />
      <DataTable.Col source="updatedAt" field={LocaleDateField} />
    </DataTable>
  </List>
);
