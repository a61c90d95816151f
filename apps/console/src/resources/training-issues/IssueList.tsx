import {
  AutocompleteInput,
  CreateButton,
  DataTable,
  FilterButton,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
  TopToolbar,
  useCanAccess,
} from 'react-admin';
import { issueCategoryChoices, issueSeverityChoices, issueStatusChoices } from '../choices';
import { EnumChipField } from '../EnumChip';
import { LocaleDateField } from '../LocaleDateField';
import { ISSUE_STATUS_COLORS, SEVERITY_COLORS } from './issueDisplay';

const baseFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={issueStatusChoices} alwaysOn />,
  <SelectInput key="severity" source="severity" choices={issueSeverityChoices} />,
  <SelectInput key="category" source="category" choices={issueCategoryChoices} />,
];

// Trainees cannot browse plans and sessions; they filter their own reports by the fields above.
const contextFilters = [
  <ReferenceInput key="planId" source="planId" reference="training-plans" sort={{ field: 'updatedAt', order: 'DESC' }}>
    <AutocompleteInput optionText="title" sx={{ minWidth: 220 }} />
  </ReferenceInput>,
  <ReferenceInput key="sessionId" source="sessionId" reference="sessions" sort={{ field: 'startsAt', order: 'DESC' }}>
    <AutocompleteInput optionText="title" sx={{ minWidth: 220 }} />
  </ReferenceInput>,
];

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
  </TopToolbar>
);

export const IssueList = () => {
  const { canAccess: canBrowsePlans } = useCanAccess({ resource: 'training-plans', action: 'list' });
  const { canAccess: canSeeUsers } = useCanAccess({ resource: 'users', action: 'show' });
  return (
    <List
      perPage={25}
      filters={canBrowsePlans ? [...baseFilters, ...contextFilters] : baseFilters}
      actions={<ListActions />}
      sort={{ field: 'createdAt', order: 'DESC' }}
      exporter={false}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="createdAt">
          <LocaleDateField source="createdAt" />
        </DataTable.Col>
        <DataTable.Col source="title" disableSort field={TextField} />
        <DataTable.Col source="category" disableSort>
          <SelectField source="category" choices={issueCategoryChoices} />
        </DataTable.Col>
        <DataTable.Col source="severity">
          <EnumChipField source="severity" prefix="cascade.issue_severity" colors={SEVERITY_COLORS} />
        </DataTable.Col>
        <DataTable.Col source="status">
          <EnumChipField source="status" prefix="cascade.issue_status" colors={ISSUE_STATUS_COLORS} />
        </DataTable.Col>
        {canBrowsePlans && (
          <DataTable.Col source="planId" disableSort>
            <ReferenceField source="planId" reference="training-plans" emptyText="—" />
          </DataTable.Col>
        )}
        {canSeeUsers && (
          <DataTable.Col source="assigneeId" disableSort>
            <ReferenceField source="assigneeId" reference="users" emptyText="—" />
          </DataTable.Col>
        )}
      </DataTable>
    </List>
  );
};
