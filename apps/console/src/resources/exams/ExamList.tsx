import type { ExamView } from '@cascade/contracts';
import {
  AutocompleteInput,
  CreateButton,
  DataTable,
  FilterButton,
  FunctionField,
  List,
  NumberField,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextField,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { BY_NAME } from '../choices';
import { examKindChoices } from '../examChoices';
import { LocaleDateField } from '../LocaleDateField';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={examKindChoices} alwaysOn />,
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

export const ExamList = () => {
  const translate = useTranslate();
  return (
    <List
      perPage={25}
      filters={filters}
      actions={<ListActions />}
      sort={{ field: 'opensAt', order: 'DESC' }}
      exporter={false}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="title" field={TextField} />
        <DataTable.Col source="kind">
          <FunctionField<ExamView> render={(exam) => translate(`cascade.exam_kind.${exam.kind}`)} />
        </DataTable.Col>
        <DataTable.Col source="organizationId" disableSort>
          <ReferenceField source="organizationId" reference="organizations" />
        </DataTable.Col>
        <DataTable.Col source="opensAt">
          <LocaleDateField source="opensAt" />
        </DataTable.Col>
        <DataTable.Col source="closesAt">
          <LocaleDateField source="closesAt" />
        </DataTable.Col>
        <DataTable.Col source="timeLimitMinutes" field={NumberField} />
        <DataTable.Col source="passPercent" field={NumberField} />
      </DataTable>
    </List>
  );
};
