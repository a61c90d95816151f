import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { Dashboard } from './dashboard/Dashboard';
import { i18nProvider } from './i18n/i18nProvider';
import { InboxPage } from './inbox/InboxPage';
import { Layout } from './layout/Layout';
import { LoginPage } from './layout/LoginPage';
import { ProfilePage } from './profile/ProfilePage';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import auditEntries from './resources/audit-entries';
import departments from './resources/departments';
import organizations from './resources/organizations';
import users, { UserImport } from './resources/users';
import { theme } from './theme';

export const App = () => (
  <Admin
    title="Cascade"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    layout={Layout}
    loginPage={LoginPage}
    dashboard={Dashboard}
    theme={theme}
    requireAuth
    disableTelemetry
  >
    <Resource name="organizations" {...organizations} />
    <Resource name="departments" {...departments} />
    <Resource name="users" {...users} />
    <Resource name="audit-entries" {...auditEntries} />
    <CustomRoutes>
      <Route path="/inbox" element={<InboxPage />} />
      <Route path="/profile" element={<ProfilePage />} />
      <Route path="/users/import" element={<UserImport />} />
    </CustomRoutes>
  </Admin>
);
