import type { ExamView } from '@cascade/contracts';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import { Alert, LinearProgress, Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import { examApi } from '../../providers/examApi';
import { useApiQuery } from '../useApiQuery';

/** The saved blueprint, cell by cell, against the active questions the bank holds now. */
export const BlueprintCheck = ({ exam }: { exam: ExamView }) => {
  const translate = useTranslate();
  const { data, error, loading } = useApiQuery(() => examApi.blueprintCheck(exam.id), `${exam.id}:${exam.updatedAt}`);
  if (loading && !data) return <LinearProgress />;
  if (error) return <Alert severity="error">{error.message}</Alert>;
  if (!data) return null;
  return (
    <>
      <Alert severity={data.sufficient ? 'success' : 'error'} sx={{ mb: 1 }}>
        {translate(data.sufficient ? 'cascade.exams.blueprint_ok' : 'cascade.exams.blueprint_short')}
      </Alert>
      <TableContainer>
        <Table size="small" data-testid="blueprint-check">
          <TableHead>
            <TableRow>
              <TableCell>{translate('cascade.exams.cell_process')}</TableCell>
              <TableCell>{translate('cascade.exams.cell_difficulty')}</TableCell>
              <TableCell align="right">{translate('cascade.exams.cell_count')}</TableCell>
              <TableCell align="right">{translate('cascade.exams.cell_points')}</TableCell>
              <TableCell align="right">{translate('cascade.exams.cell_available')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.cells.map((cell, index) => (
              <TableRow key={index}>
                <TableCell>{cell.businessProcess}</TableCell>
                <TableCell>{translate(`cascade.difficulty.${cell.difficulty}`)}</TableCell>
                <TableCell align="right">{cell.count}</TableCell>
                <TableCell align="right">{cell.points ?? translate('cascade.exams.own_points')}</TableCell>
                <TableCell
                  align="right"
                  sx={{ color: cell.sufficient ? 'success.main' : 'error.main', fontWeight: 600 }}
                >
                  {cell.sufficient ? (
                    <CheckCircleIcon fontSize="inherit" sx={{ verticalAlign: 'middle', mr: 0.5 }} />
                  ) : (
                    <ErrorIcon fontSize="inherit" sx={{ verticalAlign: 'middle', mr: 0.5 }} />
                  )}
                  {cell.available}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </>
  );
};
