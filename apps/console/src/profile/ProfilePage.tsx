import type { UserView } from '@cascade/contracts';
import { Alert, Avatar, Box, Card, CardContent, Divider, LinearProgress, Stack, Typography } from '@mui/material';
import { useEffect, useState, type ReactNode } from 'react';
import { Title, useDataProvider, useLocaleState, useTranslate } from 'react-admin';
import { RoleChips } from '../layout/RoleChips';
import { ChangePasswordCard } from '../passwords/ChangePasswordCard';
import type { CascadeDataProvider } from '../providers/dataProvider';
import { session } from '../providers/session';
import { CalendarFeedCard } from '../trainee/CalendarFeedCard';
import { NotificationPreferencesCard } from './NotificationPreferencesCard';

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ xs: 0.25, sm: 2 }} sx={{ py: 1 }}>
    <Typography variant="body2" color="text.secondary" sx={{ minWidth: 140 }}>
      {label}
    </Typography>
    <Box sx={{ overflowWrap: 'anywhere' }}>{children}</Box>
  </Stack>
);

/** The signed-in user's own record from /api/auth/me; laid out for a phone first. */
export const ProfilePage = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<CascadeDataProvider>();
  const [user, setUser] = useState<UserView | null>(session.user());
  const [loading, setLoading] = useState(true);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let active = true;
    dataProvider.me().then(
      (me) => {
        if (!active || !me?.id) return;
        session.saveUser(me);
        setUser(me);
        setLoading(false);
      },
      () => {
        if (!active) return;
        setFailed(true);
        setLoading(false);
      },
    );
    return () => {
      active = false;
    };
  }, [dataProvider]);

  const field = (name: string) => translate(`resources.users.fields.${name}`);

  return (
    <Box sx={{ maxWidth: 640, mt: { xs: 1, sm: 2 } }}>
      <Title title={translate('cascade.profile.title')} />
      <Card>
        {loading && <LinearProgress />}
        {failed && (
          <Alert severity="warning" sx={{ m: 2 }}>
            {translate('cascade.profile.load_error')}
          </Alert>
        )}
        {user && (
          <CardContent>
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
              <Avatar sx={{ bgcolor: 'primary.main', width: 56, height: 56, fontSize: 24 }}>
                {user.name.slice(0, 1).toUpperCase()}
              </Avatar>
              <Box sx={{ minWidth: 0 }}>
                <Typography variant="h6" component="h1" noWrap>
                  {user.name}
                </Typography>
                <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
                  {user.email}
                </Typography>
              </Box>
            </Stack>
            <Divider />
            <Row label={field('roles')}>
              <RoleChips roles={user.effectiveRoles ?? user.roles} />
            </Row>
            <Row label={field('isKeyUser')}>{translate(user.isKeyUser ? 'ra.boolean.true' : 'ra.boolean.false')}</Row>
            <Row label={field('locale')}>{translate(`cascade.locales.${user.locale}`)}</Row>
            <Row label={translate('cascade.profile.member_since')}>
              {new Date(user.createdAt).toLocaleDateString(locale)}
            </Row>
          </CardContent>
        )}
      </Card>
      {/* Everyone who trains or is trained subscribes to their sessions from here. */}
      <Box sx={{ mt: 2 }}>
        <CalendarFeedCard />
      </Box>
      <NotificationPreferencesCard />
      <ChangePasswordCard />
    </Box>
  );
};
