import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import CalendarViewWeekIcon from '@mui/icons-material/CalendarViewWeek';
import ViewListIcon from '@mui/icons-material/ViewList';
import { Box, Stack, ToggleButton, ToggleButtonGroup } from '@mui/material';
import {
  AutocompleteInput,
  CreateButton,
  DataTable,
  DateInput,
  FilterButton,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextField,
  Title,
  TopToolbar,
  useGetResourceLabel,
  useStore,
  useTranslate,
} from 'react-admin';
import { BY_NAME, sessionStatusChoices } from '../choices';
import { startOfDay, type CalendarMode } from './calendarRange';
import { SessionCalendar } from './SessionCalendar';
import { EnrolledField, SessionPhaseField, SessionTimeField } from './sessionDisplay';
import { NewLeadField } from './LeadWarning';

type SessionsView = 'list' | CalendarMode;

const VIEWS = [
  { view: 'list', icon: <ViewListIcon fontSize="small" /> },
  { view: 'week', icon: <CalendarViewWeekIcon fontSize="small" /> },
  { view: 'month', icon: <CalendarMonthIcon fontSize="small" /> },
] as const;

const ViewToggle = ({ view, onChange }: { view: SessionsView; onChange: (view: SessionsView) => void }) => {
  const translate = useTranslate();
  return (
    <ToggleButtonGroup
      exclusive
      size="small"
      value={view}
      onChange={(_, next: SessionsView | null) => next && onChange(next)}
      aria-label={translate('cascade.sessions.view.label')}
    >
      {VIEWS.map(({ view: value, icon }) => (
        <ToggleButton key={value} value={value} sx={{ gap: 0.5, px: 1.25 }}>
          {icon}
          {translate(`cascade.sessions.view.${value}`)}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
};

// Filters hold ISO instants; the date input shows and edits the local day.
const dayFormat = (value?: string) => {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
};
const dayParse = (value: string) => (value ? new Date(`${value}T00:00`).toISOString() : value);

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput
    key="planId"
    source="planId"
    reference="training-plans"
    sort={{ field: 'updatedAt', order: 'DESC' }}
    alwaysOn
  >
    <AutocompleteInput optionText="title" sx={{ minWidth: 220 }} />
  </ReferenceInput>,
  <DateInput key="from" source="from" format={dayFormat} parse={dayParse} alwaysOn />,
  <DateInput key="to" source="to" format={dayFormat} parse={dayParse} />,
  <SelectInput key="status" source="status" choices={sessionStatusChoices} />,
  <ReferenceInput key="trainerId" source="trainerId" reference="users" filter={{ role: 'trainer' }} sort={BY_NAME}>
    <AutocompleteInput sx={{ minWidth: 200 }} />
  </ReferenceInput>,
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

const ListActions = ({ view, onViewChange }: { view: SessionsView; onViewChange: (view: SessionsView) => void }) => (
  <TopToolbar sx={{ alignItems: 'center' }}>
    <ViewToggle view={view} onChange={onViewChange} />
    <FilterButton />
    <CreateButton />
  </TopToolbar>
);

const SessionTable = ({ onViewChange }: { onViewChange: (view: SessionsView) => void }) => (
  <List
    perPage={25}
    filters={filters}
    filterDefaultValues={{ from: startOfDay(new Date()).toISOString() }}
    actions={<ListActions view="list" onViewChange={onViewChange} />}
    sort={{ field: 'startsAt', order: 'ASC' }}
    exporter={false}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="startsAt">
        <SessionTimeField />
      </DataTable.Col>
      <DataTable.Col source="title" field={TextField} />
      <DataTable.Col source="planId" disableSort>
        <ReferenceField source="planId" reference="training-plans" />
      </DataTable.Col>
      <DataTable.Col source="businessProcess" disableSort field={TextField} />
      <DataTable.Col source="location" disableSort>
        <TextField source="location" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="capacity" label="cascade.sessions.enrolled_capacity" disableSort>
        <EnrolledField />
      </DataTable.Col>
      <DataTable.Col source="status" disableSort>
        <SessionPhaseField />
        <NewLeadField />
      </DataTable.Col>
    </DataTable>
  </List>
);

/** The sessions as a filtered list or on a week or month calendar; the choice is remembered. */
export const SessionList = () => {
  const [view, setView] = useStore<SessionsView>('sessions.view', 'list');
  const getResourceLabel = useGetResourceLabel();
  if (view === 'list') return <SessionTable onViewChange={setView} />;
  return (
    <Box sx={{ mt: { xs: 1, sm: 2 } }}>
      <Title title={getResourceLabel('sessions', 2)} />
      <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end', alignItems: 'center', mb: 1 }}>
        <ViewToggle view={view} onChange={setView} />
        <CreateButton />
      </Stack>
      <SessionCalendar mode={view} onModeChange={setView} />
    </Box>
  );
};
