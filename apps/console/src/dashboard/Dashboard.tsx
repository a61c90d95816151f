import type { Role } from '@cascade/contracts';
import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import ApartmentIcon from '@mui/icons-material/Apartment';
import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import SchoolIcon from '@mui/icons-material/School';
import InboxIcon from '@mui/icons-material/Inbox';
import QuizIcon from '@mui/icons-material/Quiz';
import { Box, Button, Card, CardActions, CardContent, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Title, useCanAccess, useGetIdentity, useGetResourceLabel, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { useUnreadCount } from '../inbox/useUnreadCount';
import { RoleChips } from '../layout/RoleChips';

const Tile = ({
  icon,
  title,
  body,
  action,
}: {
  icon: ReactNode;
  title: string;
  body: ReactNode;
  action: ReactNode;
}) => (
  <Card variant="outlined" sx={{ flex: { xs: '0 0 auto', sm: '1 1 260px' }, display: 'flex', flexDirection: 'column' }}>
    <CardContent sx={{ flex: 1 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1, color: 'primary.main' }}>
        {icon}
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
          {title}
        </Typography>
      </Stack>
      <Typography variant="body2" color="text.secondary" component="div">
        {body}
      </Typography>
    </CardContent>
    <CardActions>{action}</CardActions>
  </Card>
);

const ResourceLink = ({ resource }: { resource: string }) => {
  const getResourceLabel = useGetResourceLabel();
  const { canAccess } = useCanAccess({ resource, action: 'list' });
  if (!canAccess) return null;
  return (
    <Button component={Link} to={`/${resource}`} size="small">
      {getResourceLabel(resource, 2)}
    </Button>
  );
};

export const Dashboard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const unread = useUnreadCount();
  const { canAccess: canSeeOrganizations } = useCanAccess({ resource: 'organizations', action: 'list' });
  const { canAccess: canSeePlans } = useCanAccess({ resource: 'training-plans', action: 'list' });
  const { canAccess: hasOwnSessions } = useCanAccess({ resource: 'sessions', action: 'mine' });
  const { canAccess: hasOwnExams } = useCanAccess({ resource: 'exams', action: 'mine' });
  const { canAccess: canSeeExams } = useCanAccess({ resource: 'exams', action: 'list' });

  return (
    <Box sx={{ mt: { xs: 1, sm: 2 }, maxWidth: 1100 }}>
      <Title title={translate('ra.page.dashboard')} />
      <Card sx={{ mb: 2, background: 'linear-gradient(120deg, #1f4e79 0%, #2e75b6 100%)', color: 'common.white' }}>
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>
            {translate('cascade.dashboard.welcome', { name: identity?.fullName ?? '' })}
          </Typography>
          <Typography variant="body1" sx={{ opacity: 0.9, mb: 2 }}>
            {translate('cascade.dashboard.intro')}
          </Typography>
          <RoleChips roles={identity?.roles as Role[] | undefined} />
        </CardContent>
      </Card>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {hasOwnSessions && (
          <Tile
            icon={<EventAvailableIcon />}
            title={translate('cascade.menu.my_sessions')}
            body={translate('cascade.dashboard.my_sessions_body')}
            action={
              <Button component={Link} to="/my-sessions" size="small">
                {translate('cascade.dashboard.open_my_sessions')}
              </Button>
            }
          />
        )}
        {hasOwnExams && (
          <Tile
            icon={<QuizIcon />}
            title={translate('cascade.menu_exams.my_exams')}
            body={translate('cascade.exam_dashboard.my_exams_body')}
            action={
              <Button component={Link} to="/my-exams" size="small">
                {translate('cascade.exam_dashboard.open_my_exams')}
              </Button>
            }
          />
        )}
        {canSeeExams && (
          <Tile
            icon={<QuizIcon />}
            title={translate('cascade.exam_dashboard.assessment')}
            body={translate('cascade.exam_dashboard.assessment_body')}
            action={
              <Box sx={{ display: 'flex', flexWrap: 'wrap' }}>
                <ResourceLink resource="questions" />
                <ResourceLink resource="scenarios" />
                <ResourceLink resource="exams" />
              </Box>
            }
          />
        )}
        {canSeePlans && (
          <Tile
            icon={<SchoolIcon />}
            title={translate('cascade.dashboard.training')}
            body={translate('cascade.dashboard.training_body')}
            action={
              <Box sx={{ display: 'flex', flexWrap: 'wrap' }}>
                <ResourceLink resource="training-plans" />
                <ResourceLink resource="sessions" />
                <ResourceLink resource="training-issues" />
              </Box>
            }
          />
        )}
        <Tile
          icon={<InboxIcon />}
          title={translate('cascade.inbox.title')}
          body={
            unread === undefined
              ? '…'
              : unread > 0
                ? translate('cascade.dashboard.unread', { smart_count: unread })
                : translate('cascade.dashboard.no_unread')
          }
          action={
            <Button component={Link} to="/inbox" size="small">
              {translate('cascade.dashboard.open_inbox')}
            </Button>
          }
        />
        <Tile
          icon={<AccountCircleIcon />}
          title={translate('cascade.profile.title')}
          body={identity?.email ?? ''}
          action={
            <Button component={Link} to="/profile" size="small">
              {translate('cascade.dashboard.open_profile')}
            </Button>
          }
        />
        {canSeeOrganizations && (
          <Tile
            icon={<ApartmentIcon />}
            title={translate('cascade.dashboard.manage')}
            body={translate('cascade.tagline')}
            action={
              <Box sx={{ display: 'flex', flexWrap: 'wrap' }}>
                <ResourceLink resource="organizations" />
                <ResourceLink resource="departments" />
                <ResourceLink resource="users" />
                <ResourceLink resource="audit-entries" />
              </Box>
            }
          />
        )}
      </Stack>
    </Box>
  );
};
