import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import { Box, ListItemIcon, ListItemText, MenuItem, Typography, useMediaQuery, type Theme } from '@mui/material';
import {
  AppBar as RaAppBar,
  LoadingIndicator,
  LocalesMenuButton,
  Logout,
  TitlePortal,
  UserMenu,
  useTranslate,
  useUserMenu,
} from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { InboxBell } from './InboxBell';

const ProfileMenuItem = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const userMenu = useUserMenu();
  return (
    <MenuItem
      onClick={() => {
        userMenu?.onClose();
        navigate('/profile');
      }}
    >
      <ListItemIcon>
        <AccountCircleIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('cascade.menu.profile')}</ListItemText>
    </MenuItem>
  );
};

const Brand = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1, mr: 2, whiteSpace: 'nowrap' }}>
      <Typography variant="h6" component="span" sx={{ fontWeight: 700, letterSpacing: 0.5 }}>
        Cascade
      </Typography>
      <Typography variant="caption" component="span" sx={{ opacity: 0.8, display: { xs: 'none', md: 'inline' } }}>
        {translate('cascade.tagline')}
      </Typography>
    </Box>
  );
};

// Short language names keep the phone's app bar on one line.
const PHONE_LANGUAGES = [
  { locale: 'zh-CN', name: '中文' },
  { locale: 'en', name: 'EN' },
];

const Toolbar = () => {
  const isPhone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', whiteSpace: 'nowrap' }}>
      <LocalesMenuButton languages={isPhone ? PHONE_LANGUAGES : undefined} />
      <InboxBell />
      {!isPhone && <LoadingIndicator />}
    </Box>
  );
};

export const AppBar = () => (
  <RaAppBar
    color="primary"
    toolbar={<Toolbar />}
    userMenu={
      <UserMenu>
        <ProfileMenuItem />
        <Logout />
      </UserMenu>
    }
  >
    <Brand />
    <TitlePortal variant="subtitle1" />
  </RaAppBar>
);
