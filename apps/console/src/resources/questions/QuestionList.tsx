import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  AutocompleteInput,
  Button,
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
  TextInput,
  TopToolbar,
  useCanAccess,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import type { QuestionView } from '@cascade/contracts';
import { BY_NAME } from '../choices';
import { EnumChipField } from '../EnumChip';
import { difficultyChoices, QUESTION_STATUS_COLORS, questionStatusChoices, questionTypeChoices } from '../examChoices';
import { LocaleDateField } from '../LocaleDateField';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <TextInput key="businessProcess" source="businessProcess" alwaysOn />,
  <SelectInput key="difficulty" source="difficulty" choices={difficultyChoices} alwaysOn />,
  <SelectInput key="type" source="type" choices={questionTypeChoices} alwaysOn />,
  <SelectInput key="status" source="status" choices={questionStatusChoices} alwaysOn />,
  <ReferenceInput key="organizationId" source="organizationId" reference="organizations" sort={BY_NAME}>
    <AutocompleteInput sx={{ minWidth: 200 }} />
  </ReferenceInput>,
  <TextInput key="tag" source="tag" />,
];

const ListActions = () => {
  const { canAccess: canImport } = useCanAccess({ resource: 'questions', action: 'import' });
  return (
    <TopToolbar>
      <FilterButton />
      {canImport && (
        <Button component={Link} to="/questions/import" label="cascade.questions.import.title">
          <UploadFileIcon />
        </Button>
      )}
      <CreateButton />
    </TopToolbar>
  );
};

export const QuestionList = () => {
  const translate = useTranslate();
  return (
    <List
      perPage={25}
      filters={filters}
      actions={<ListActions />}
      sort={{ field: 'updatedAt', order: 'DESC' }}
      exporter={false}
    >
      <DataTable
        rowClick="show"
        bulkActionButtons={false}
        sx={{ '& .RaDataTable-headerCell, & .column-difficulty, & .column-type': { whiteSpace: 'nowrap' } }}
      >
        <DataTable.Col source="stem">
          <TextField
            source="stem"
            sx={{ display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}
          />
        </DataTable.Col>
        <DataTable.Col source="type">
          <FunctionField<QuestionView> render={(record) => translate(`cascade.question_type.${record.type}`)} />
        </DataTable.Col>
        <DataTable.Col source="businessProcess" field={TextField} />
        <DataTable.Col source="difficulty">
          <FunctionField<QuestionView> render={(record) => translate(`cascade.difficulty.${record.difficulty}`)} />
        </DataTable.Col>
        <DataTable.Col source="points" field={NumberField} />
        <DataTable.Col source="status">
          <EnumChipField source="status" prefix="cascade.question_status" colors={QUESTION_STATUS_COLORS} />
        </DataTable.Col>
        <DataTable.Col source="organizationId" disableSort>
          <ReferenceField source="organizationId" reference="organizations" />
        </DataTable.Col>
        <DataTable.Col source="updatedAt">
          <LocaleDateField source="updatedAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
