import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { CheckInScreen } from './checkin/CheckInScreen';
import { TraineeCheckInPage } from './checkin/TraineeCheckInPage';
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
import sessions from './resources/sessions';
import trainingIssues from './resources/training-issues';
import trainingPlans from './resources/training-plans';
import users, { UserImport } from './resources/users';
import { theme } from './theme';
import { MySessionsPage } from './trainee/MySessionsPage';

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
    <Resource name="training-plans" {...trainingPlans} />
    <Resource name="sessions" {...sessions} />
    <Resource name="training-issues" {...trainingIssues} />
    <Resource name="audit-entries" {...auditEntries} />
    <CustomRoutes>
      <Route path="/inbox" element={<InboxPage />} />
      <Route path="/profile" element={<ProfilePage />} />
      <Route path="/users/import" element={<UserImport />} />
      <Route path="/my-sessions" element={<MySessionsPage />} />
    </CustomRoutes>
    {/* Full-screen pages: the room's check-in board and the trainee's phone (which signs in by itself). */}
    <CustomRoutes noLayout>
      <Route path="/sessions/:id/check-in" element={<CheckInScreen />} />
      <Route path="/checkin/:sessionId" element={<TraineeCheckInPage />} />
    </CustomRoutes>
  </Admin>
);
