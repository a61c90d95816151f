import { AbilityProvider } from '@casl/react';
import type { ReactNode } from 'react';
import { AccessDenied, Admin, CanAccess, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { CheckInScreen } from './checkin/CheckInScreen';
import { TraineeCheckInPage } from './checkin/TraineeCheckInPage';
import { Dashboard } from './dashboard/Dashboard';
import { i18nProvider } from './i18n/i18nProvider';
import { InboxPage } from './inbox/InboxPage';
import { Layout } from './layout/Layout';
import { LoginPage } from './layout/LoginPage';
import { ForgotPasswordPage } from './passwords/ForgotPasswordPage';
import { SetPasswordPage } from './passwords/SetPasswordPage';
import { ProfilePage } from './profile/ProfilePage';
import { ability } from './providers/abilities';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import auditEntries from './resources/audit-entries';
import departments from './resources/departments';
import exams, { ExamResultsPage, ItemAnalysisPage } from './resources/exams';
import feedbackForms from './resources/feedback-forms';
import { GradingQueuePage } from './resources/grading/GradingQueuePage';
import organizations from './resources/organizations';
import qualificationTracks, { TeachBackCreatePage } from './resources/qualification-tracks';
import questions, { QuestionImport } from './resources/questions';
import scenarios from './resources/scenarios';
import sessions from './resources/sessions';
import trainingIssues from './resources/training-issues';
import trainingPlans from './resources/training-plans';
import users, { UserImport } from './resources/users';
import webhooks from './resources/webhooks';
import { theme } from './theme';
import { CascadePage } from './cascade/CascadePage';
import { AttemptPage } from './trainee/exam/AttemptPage';
import { MyExamsPage } from './trainee/exam/MyExamsPage';
import { FeedbackAnswerPage } from './trainee/feedback/FeedbackAnswerPage';
import { MyFeedbackPage } from './trainee/feedback/MyFeedbackPage';
import { MySessionsPage } from './trainee/MySessionsPage';
import { VerifyCertificatePage } from './verify/VerifyCertificatePage';

/**
 * Pages outside the resources, each shown only to someone the policy lets do what it is for,
 * even when reached by typing its address.
 */
const GUARDED_PAGES: { path: string; resource: string; action: string; page: ReactNode }[] = [
  { path: '/users/import', resource: 'users', action: 'import', page: <UserImport /> },
  { path: '/questions/import', resource: 'questions', action: 'import', page: <QuestionImport /> },
  { path: '/exams/:id/results', resource: 'exams', action: 'digests', page: <ExamResultsPage /> },
  { path: '/exams/:id/item-analysis', resource: 'exams', action: 'digests', page: <ItemAnalysisPage /> },
  { path: '/grading', resource: 'exams', action: 'grade', page: <GradingQueuePage /> },
  {
    path: '/teach-backs/create',
    resource: 'qualification-tracks',
    action: 'teach-back',
    page: <TeachBackCreatePage />,
  },
  { path: '/cascade', resource: 'cascade', action: 'list', page: <CascadePage /> },
];

export const App = () => (
  <AbilityProvider value={ability}>
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
      <Resource name="questions" {...questions} />
      <Resource name="scenarios" {...scenarios} />
      <Resource name="exams" {...exams} />
      <Resource name="feedback-forms" {...feedbackForms} />
      <Resource name="qualification-tracks" {...qualificationTracks} />
      <Resource name="webhooks" {...webhooks} />
      <Resource name="audit-entries" {...auditEntries} />
      <CustomRoutes>
        <Route path="/inbox" element={<InboxPage />} />
        <Route path="/profile" element={<ProfilePage />} />
        <Route path="/my-sessions" element={<MySessionsPage />} />
        <Route path="/my-exams" element={<MyExamsPage />} />
        <Route path="/my-feedback" element={<MyFeedbackPage />} />
        {GUARDED_PAGES.map(({ path, resource, action, page }) => (
          <Route
            key={path}
            path={path}
            element={
              <CanAccess resource={resource} action={action} accessDenied={<AccessDenied />}>
                {page}
              </CanAccess>
            }
          />
        ))}
      </CustomRoutes>
      {/* Full-screen pages: the room's check-in board, and the trainee's phone at check-in, in an exam and giving feedback. */}
      <CustomRoutes noLayout>
        <Route path="/sessions/:id/check-in" element={<CheckInScreen />} />
        <Route path="/checkin/:sessionId" element={<TraineeCheckInPage />} />
        <Route path="/attempts/:attemptId" element={<AttemptPage />} />
        <Route path="/feedback/:requestId" element={<FeedbackAnswerPage />} />
        {/* Public: anyone holding a certificate's code, signed in or not. */}
        <Route path="/verify/:code" element={<VerifyCertificatePage />} />
        {/* Public: reset and invitation links from email, and asking for one. */}
        <Route path="/set-password" element={<SetPasswordPage />} />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      </CustomRoutes>
    </Admin>
  </AbilityProvider>
);
