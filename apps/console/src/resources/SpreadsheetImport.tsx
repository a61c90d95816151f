import DownloadIcon from '@mui/icons-material/Download';
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
import { ReactNode, useState } from 'react';
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
  useNotify,
  useTranslate,
} from 'react-admin';
import { BY_NAME } from './choices';
import { useApiFile } from './useApiFile';

export interface ImportColumn {
  key: string;
  zh: string;
  required: boolean;
}

interface ImportRowError {
  row: number;
  field: string | null;
  message: string;
}

export interface SpreadsheetImportProps<R extends { created: number }> {
  /** The resource whose `import` permission opens the page, and whose organization label the form uses. */
  resource: string;
  /** Where this import's own texts are: `title`, `help`, `created`, `meaning.<column>`. */
  texts: string;
  columns: readonly ImportColumn[];
  upload(organizationId: string, file: File): Promise<R>;
  /** What the import created, each linked to its page. */
  createdOf(result: R): { id: string; link: string; label: ReactNode }[];
  template?: { path: string; filename: string; label: string };
}

const ACCEPTED_FILES = {
  'text/csv': ['.csv'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
};

interface ImportFormValues {
  organizationId?: string;
  file?: { rawFile?: File };
}

type Outcome<R> =
  | { kind: 'created'; result: R }
  | { kind: 'rows'; detail: string; rows: ImportRowError[] }
  | { kind: 'failed'; detail: string };

const rowErrorsOf = (error: HttpError): ImportRowError[] => {
  const rows = (error.body as { rows?: unknown } | undefined)?.rows;
  return Array.isArray(rows) ? (rows as ImportRowError[]) : [];
};

const ColumnGuide = ({ columns, texts }: { columns: readonly ImportColumn[]; texts: string }) => {
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
          {columns.map((column) => (
            <TableRow key={column.key}>
              <TableCell>
                <code>{column.key}</code>
              </TableCell>
              <TableCell>{column.zh}</TableCell>
              <TableCell>
                {translate(`${texts}.meaning.${column.key}`)}
                {column.required && ` (${translate('cascade.import.required')})`}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};

const RowErrors = ({ rows }: { rows: ImportRowError[] }) => {
  const translate = useTranslate();
  return (
    <TableContainer>
      <Table size="small" data-testid="import-row-errors">
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

function ImportForm<R extends { created: number }>(props: SpreadsheetImportProps<R>) {
  const { resource, texts, columns, upload, createdOf, template } = props;
  const translate = useTranslate();
  const notify = useNotify();
  const { save } = useApiFile();
  const [submitting, setSubmitting] = useState(false);
  const [outcome, setOutcome] = useState<Outcome<R> | null>(null);

  const submit = async (values: ImportFormValues) => {
    const file = values.file?.rawFile;
    if (!values.organizationId || !file) return;
    setSubmitting(true);
    setOutcome(null);
    try {
      const result = await upload(values.organizationId, file);
      setOutcome({ kind: 'created', result });
      notify(`${texts}.created`, { type: 'success', messageArgs: { smart_count: result.created } });
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
            {translate(`${texts}.title`)}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate(`${texts}.help`)}
          </Typography>
          {template && (
            <Button
              variant="outlined"
              startIcon={<DownloadIcon />}
              onClick={() => void save(template.path, template.filename)}
              sx={{ mb: 2 }}
            >
              {translate(template.label)}
            </Button>
          )}
          <Form onSubmit={(values: Record<string, unknown>) => submit(values as ImportFormValues)}>
            <Box sx={{ maxWidth: 560 }}>
              <ReferenceInput source="organizationId" reference="organizations" sort={BY_NAME}>
                <AutocompleteInput label={`resources.${resource}.fields.organizationId`} validate={required()} />
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
          <AlertTitle>{translate(`${texts}.created`, { smart_count: outcome.result.created })}</AlertTitle>
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {createdOf(outcome.result).map((made) => (
              <li key={made.id}>
                <Link to={made.link}>{made.label}</Link>
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
          <ColumnGuide columns={columns} texts={texts} />
        </CardContent>
      </Card>
    </>
  );
}

/** An import page: all rows or none, with every bad row listed by row and field. */
export function SpreadsheetImport<R extends { created: number }>(props: SpreadsheetImportProps<R>) {
  const translate = useTranslate();
  return (
    <Box sx={{ maxWidth: 900, mt: { xs: 1, sm: 2 } }}>
      <Title title={translate(`${props.texts}.title`)} />
      <CanAccess resource={props.resource} action="import" accessDenied={<AccessDenied />}>
        <ImportForm {...props} />
      </CanAccess>
    </Box>
  );
}
