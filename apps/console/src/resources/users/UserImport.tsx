import type { UserImportResult, UserImportRowError } from '@cascade/contracts';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import {
  AccessDenied,
  AutocompleteInput,
  CanAccess,
  FileField,
  FileInput,
  Form,
  HttpError,
  Link,
  ReferenceInput,
  Title,
  required,
  useDataProvider,
  useNotify,
  useTranslate,
} from 'react-admin';
import type { CascadeDataProvider } from '../../providers/dataProvider';
import { BY_NAME } from '../choices';

/** Column names the importer accepts, in English or Chinese. */
const COLUMNS = [
  { key: 'name', zh: '姓名', required: true },
  { key: 'email', zh: '邮箱', required: true },
  { key: 'department', zh: '部门', required: false },
  { key: 'roles', zh: '角色', required: false },
  { key: 'keyUser', zh: '关键用户', required: false },
  { key: 'attitude', zh: '态度', required: false },
  { key: 'locale', zh: '语言', required: false },
  { key: 'password', zh: '密码', required: false },
] as const;

const ACCEPTED_FILES = {
  'text/csv': ['.csv'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
};

interface ImportFormValues {
  organizationId?: string;
  file?: { rawFile?: File };
}

type Outcome =
  | { kind: 'created'; result: UserImportResult }
  | { kind: 'rows'; detail: string; rows: UserImportRowError[] }
  | { kind: 'failed'; detail: string };

const rowErrorsOf = (error: HttpError): UserImportRowError[] => {
  const rows = (error.body as { rows?: unknown } | undefined)?.rows;
  return Array.isArray(rows) ? (rows as UserImportRowError[]) : [];
};

const ColumnGuide = () => {
  const translate = useTranslate();
  return (
    <TableContainer>
      <Table size="small" aria-label={translate('cascade.import.columns')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('cascade.import.column')}</TableCell>
            <TableCell>{translate('cascade.import.column_zh')}</TableCell>
            <TableCell>{translate('cascade.import.column_meaning')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {COLUMNS.map((column) => (
            <TableRow key={column.key}>
              <TableCell>
                <code>{column.key}</code>
              </TableCell>
              <TableCell>{column.zh}</TableCell>
              <TableCell>
                {translate(`cascade.import.meaning.${column.key}`)}
                {column.required && ` (${translate('cascade.import.required')})`}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};

const RowErrors = ({ rows }: { rows: UserImportRowError[] }) => {
  const translate = useTranslate();
  return (
    <TableContainer>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 80 }}>{translate('cascade.import.row')}</TableCell>
            <TableCell sx={{ width: 160 }}>{translate('cascade.import.field')}</TableCell>
            <TableCell>{translate('cascade.import.message')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row, index) => (
            <TableRow key={`${row.row}-${row.field ?? ''}-${index}`}>
              <TableCell>{row.row}</TableCell>
              <TableCell>{row.field ?? translate('cascade.import.whole_row')}</TableCell>
              <TableCell>{row.message}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};

const ImportForm = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<CascadeDataProvider>();
  const [submitting, setSubmitting] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const submit = async (values: ImportFormValues) => {
    const file = values.file?.rawFile;
    if (!values.organizationId || !file) return;
    setSubmitting(true);
    setOutcome(null);
    try {
      const result = await dataProvider.importUsers(values.organizationId, file);
      setOutcome({ kind: 'created', result });
      notify('cascade.import.created', { type: 'success', messageArgs: { smart_count: result.created } });
    } catch (error) {
      if (error instanceof HttpError) {
        const rows = rowErrorsOf(error);
        setOutcome(
          rows.length > 0 ? { kind: 'rows', detail: error.message, rows } : { kind: 'failed', detail: error.message },
        );
      } else {
        setOutcome({ kind: 'failed', detail: translate('ra.notification.http_error') });
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <>
      <Card>
        <CardContent>
          <Typography variant="h6" component="h1" gutterBottom>
            {translate('cascade.import.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('cascade.import.help')}
          </Typography>
          <Form onSubmit={(values: Record<string, unknown>) => submit(values as ImportFormValues)}>
            <Box sx={{ maxWidth: 560 }}>
              <ReferenceInput source="organizationId" reference="organizations" sort={BY_NAME}>
                <AutocompleteInput label="resources.users.fields.organizationId" validate={required()} />
              </ReferenceInput>
              <FileInput
                source="file"
                label="cascade.import.file"
                accept={ACCEPTED_FILES}
                placeholder={<Typography variant="body2">{translate('cascade.import.drop')}</Typography>}
                validate={required()}
              >
                <FileField source="src" title="title" />
              </FileInput>
              <Button
                type="submit"
                variant="contained"
                startIcon={submitting ? <CircularProgress size={18} color="inherit" /> : <UploadFileIcon />}
                disabled={submitting}
                sx={{ mt: 1 }}
              >
                {translate('cascade.import.submit')}
              </Button>
            </Box>
          </Form>
        </CardContent>
      </Card>

      {outcome?.kind === 'created' && (
        <Alert severity="success" sx={{ mt: 2 }}>
          <AlertTitle>{translate('cascade.import.created', { smart_count: outcome.result.created })}</AlertTitle>
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {outcome.result.users.map((user) => (
              <li key={user.id}>
                <Link to={`/users/${user.id}/show`}>{user.name}</Link> &lt;{user.email}&gt;
              </li>
            ))}
          </Box>
        </Alert>
      )}
      {outcome?.kind === 'rows' && (
        <Card sx={{ mt: 2 }}>
          <Alert severity="error" sx={{ borderRadius: 0 }}>
            <AlertTitle>{translate('cascade.import.failed')}</AlertTitle>
            {outcome.detail}
          </Alert>
          <RowErrors rows={outcome.rows} />
        </Card>
      )}
      {outcome?.kind === 'failed' && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {outcome.detail}
        </Alert>
      )}

      <Card sx={{ mt: 2 }}>
        <CardContent>
          <Typography variant="subtitle1" component="h2" gutterBottom>
            {translate('cascade.import.columns')}
          </Typography>
          <ColumnGuide />
        </CardContent>
      </Card>
    </>
  );
};

export const UserImport = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ maxWidth: 900, mt: { xs: 1, sm: 2 } }}>
      <Title title={translate('cascade.import.title')} />
      <CanAccess resource="users" action="import" accessDenied={<AccessDenied />}>
        <ImportForm />
      </CanAccess>
    </Box>
  );
};
