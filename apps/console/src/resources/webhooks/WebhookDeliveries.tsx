import type { WebhookDeliveryAttemptView } from '@cascade/contracts';
import {
  Alert,
  Card,
  CardContent,
  Chip,
  IconButton,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TablePagination,
  TableRow,
  Tooltip,
  Typography,
} from '@mui/material';
import RefreshIcon from '@mui/icons-material/Refresh';
import { useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { notificationApi } from '../../providers/notificationApi';
import type { ChipColor } from '../EnumChip';
import { useApiQuery } from '../useApiQuery';

const STATUS_COLORS: Record<WebhookDeliveryAttemptView['deliveryStatus'], ChipColor> = {
  pending: 'info',
  delivered: 'success',
  failed: 'error',
  cancelled: 'default',
};

/** Every HTTP attempt of this webhook's deliveries, newest first; retries share a delivery id. */
export const WebhookDeliveries = ({ webhookId }: { webhookId: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [page, setPage] = useState(0);
  const [perPage, setPerPage] = useState(25);
  const { data, error, loading, reload } = useApiQuery(
    () => notificationApi.deliveries(webhookId, page + 1, perPage),
    `${webhookId}:${page}:${perPage}`,
  );
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium', hourCycle: 'h23' });
  return (
    <Card sx={{ mt: 2 }} component="section" aria-label={translate('cascade.webhooks.deliveries')}>
      <CardContent sx={{ pb: 0 }}>
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
          <Typography variant="h6" component="h2">
            {translate('cascade.webhooks.deliveries')}
          </Typography>
          <Tooltip title={translate('ra.action.refresh')}>
            <IconButton onClick={() => void reload()} aria-label={translate('ra.action.refresh')}>
              <RefreshIcon />
            </IconButton>
          </Tooltip>
        </Stack>
      </CardContent>
      {loading && <LinearProgress />}
      {error && (
        <Alert severity="error" sx={{ m: 2 }}>
          {error.message}
        </Alert>
      )}
      {data?.total === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ px: 2, pb: 2 }}>
          {translate('cascade.webhooks.no_deliveries')}
        </Typography>
      )}
      {data && data.total > 0 && (
        <>
          <Table size="small" sx={{ overflowX: 'auto', display: { xs: 'block', md: 'table' } }}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('cascade.webhooks.at')}</TableCell>
                <TableCell>{translate('cascade.webhooks.event')}</TableCell>
                <TableCell align="right">{translate('cascade.webhooks.attempt')}</TableCell>
                <TableCell>{translate('cascade.webhooks.result')}</TableCell>
                <TableCell align="right">{translate('cascade.webhooks.duration')}</TableCell>
                <TableCell>{translate('cascade.webhooks.delivery')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.data.map((attempt) => (
                <TableRow key={attempt.id} data-testid="webhook-attempt">
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{time.format(new Date(attempt.createdAt))}</TableCell>
                  <TableCell>{translate(`cascade.events.${attempt.event}`, { _: attempt.event })}</TableCell>
                  <TableCell align="right">{attempt.attempt}</TableCell>
                  <TableCell>
                    <Chip
                      size="small"
                      color={attempt.ok ? 'success' : 'error'}
                      variant="outlined"
                      label={attempt.statusCode ?? translate('cascade.webhooks.no_answer')}
                    />
                    {attempt.error && (
                      <Typography variant="caption" color="error" sx={{ display: 'block', overflowWrap: 'anywhere' }}>
                        {attempt.error}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell align="right">{`${attempt.durationMs} ms`}</TableCell>
                  <TableCell>
                    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                      <Chip
                        size="small"
                        color={STATUS_COLORS[attempt.deliveryStatus]}
                        label={translate(`cascade.webhooks.status.${attempt.deliveryStatus}`)}
                      />
                      <Tooltip title={attempt.deliveryId}>
                        <Typography variant="caption" sx={{ fontFamily: 'monospace' }}>
                          {attempt.deliveryId.slice(0, 8)}
                        </Typography>
                      </Tooltip>
                    </Stack>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <TablePagination
            component="div"
            count={data.total}
            page={page}
            rowsPerPage={perPage}
            rowsPerPageOptions={[25, 50, 100]}
            onPageChange={(_, next) => setPage(next)}
            onRowsPerPageChange={(event) => {
              setPerPage(Number(event.target.value));
              setPage(0);
            }}
            labelRowsPerPage={translate('ra.navigation.page_rows_per_page')}
          />
        </>
      )}
    </Card>
  );
};
