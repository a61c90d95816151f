import { MAX_PER_PAGE, type OrganizationView } from '@cascade/contracts';
import { Alert, Box, Card, CardContent, LinearProgress, MenuItem, TextField, Typography } from '@mui/material';
import { Title, useGetList, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { qualificationsApi } from '../providers/qualificationsApi';
import { useApiQuery } from '../resources/useApiQuery';
import { HandOverCurve, ProcessCoverage } from './CoverageCharts';
import { LineageTree } from './LineageTree';

const Lineage = ({ organizationId }: { organizationId: string }) => {
  const { data, error, loading } = useApiQuery(() => qualificationsApi.lineage(organizationId), organizationId);
  if (loading && !data) return <LinearProgress />;
  if (error) return <Alert severity="error">{error.message}</Alert>;
  return data ? <LineageTree lineage={data} /> : null;
};

const Coverage = ({ organizationId }: { organizationId: string }) => {
  const translate = useTranslate();
  const { data, error, loading } = useApiQuery(() => qualificationsApi.coverage(organizationId), organizationId);
  if (loading && !data) return <LinearProgress />;
  if (error) return <Alert severity="error">{error.message}</Alert>;
  if (!data) return null;
  return (
    <>
      <ProcessCoverage processes={data.processes} />
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mt: 3, mb: 1 }}>
        {translate('cascade.coverage.hand_over')}
      </Typography>
      <HandOverCurve months={data.months} />
    </>
  );
};

/** Who trained whom at a client, and how much of its training the client now does itself. */
export const CascadePage = () => {
  const translate = useTranslate();
  const [params, setParams] = useSearchParams();
  const { data: clients } = useGetList<OrganizationView>('organizations', {
    pagination: { page: 1, perPage: MAX_PER_PAGE },
    sort: { field: 'name', order: 'ASC' },
    filter: { kind: 'client' },
  });
  const organizationId = params.get('organizationId') ?? clients?.[0]?.id;
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="cascade.lineage.title" />
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {translate('cascade.lineage.title')}
        </Typography>
        {clients && clients.length > 0 && (
          <TextField
            select
            size="small"
            label={translate('resources.organizations.name', { smart_count: 1 })}
            value={organizationId ?? ''}
            onChange={(event) => setParams({ organizationId: event.target.value })}
            fullWidth={false}
            sx={{ minWidth: 240 }}
          >
            {clients.map((client) => (
              <MenuItem key={client.id} value={client.id}>
                {client.name}
              </MenuItem>
            ))}
          </TextField>
        )}
      </Box>
      {clients && clients.length === 0 && (
        <Typography color="text.secondary">{translate('cascade.lineage.no_clients')}</Typography>
      )}
      {organizationId && (
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1fr) minmax(0, 1fr)' } }}>
          <Card>
            <CardContent>
              <Typography variant="h6" component="h2" gutterBottom>
                {translate('cascade.lineage.tree')}
              </Typography>
              <Lineage organizationId={organizationId} />
            </CardContent>
          </Card>
          <Card>
            <CardContent>
              <Typography variant="h6" component="h2" gutterBottom>
                {translate('cascade.coverage.title')}
              </Typography>
              <Coverage organizationId={organizationId} />
            </CardContent>
          </Card>
        </Box>
      )}
    </Box>
  );
};
