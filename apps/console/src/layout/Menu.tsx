import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import FeedbackIcon from '@mui/icons-material/Feedback';
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import InboxIcon from '@mui/icons-material/Inbox';
import QuizIcon from '@mui/icons-material/Quiz';
import RateReviewIcon from '@mui/icons-material/RateReview';
import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Divider } from '@mui/material';
import { Menu as RaMenu, useCanAccess, useTranslate } from 'react-admin';

// Resource items hide themselves through the authProvider's canAccess.
export const Menu = () => {
  const translate = useTranslate();
  const { canAccess: canImportUsers } = useCanAccess({ resource: 'users', action: 'import' });
  const { canAccess: hasOwnSessions } = useCanAccess({ resource: 'sessions', action: 'mine' });
  const { canAccess: hasOwnExams } = useCanAccess({ resource: 'exams', action: 'mine' });
  const { canAccess: canGrade } = useCanAccess({ resource: 'exams', action: 'grade' });
  const { canAccess: canSeeCascade } = useCanAccess({ resource: 'cascade', action: 'list' });
  const { canAccess: hasOwnFeedback } = useCanAccess({ resource: 'feedback-requests', action: 'mine' });
  return (
    <RaMenu>
      <RaMenu.DashboardItem />
      {hasOwnSessions && (
        <>
          <RaMenu.Item
            to="/my-sessions"
            primaryText={translate('cascade.menu.my_sessions')}
            leftIcon={<EventAvailableIcon />}
          />
          <RaMenu.Item
            to="/training-issues/create"
            primaryText={translate('cascade.menu.report_problem')}
            leftIcon={<ReportProblemIcon />}
          />
        </>
      )}
      {hasOwnExams && (
        <RaMenu.Item to="/my-exams" primaryText={translate('cascade.menu_exams.my_exams')} leftIcon={<QuizIcon />} />
      )}
      {hasOwnFeedback && (
        <RaMenu.Item
          to="/my-feedback"
          primaryText={translate('cascade.feedback.my_feedback')}
          leftIcon={<FeedbackIcon />}
        />
      )}
      <RaMenu.ResourceItems />
      {canGrade && (
        <RaMenu.Item
          to="/grading"
          primaryText={translate('cascade.menu_exams.grading')}
          leftIcon={<RateReviewIcon />}
        />
      )}
      {canSeeCascade && (
        <RaMenu.Item to="/cascade" primaryText={translate('cascade.lineage.menu')} leftIcon={<AccountTreeIcon />} />
      )}
      {canImportUsers && (
        <RaMenu.Item
          to="/users/import"
          primaryText={translate('cascade.menu.import_users')}
          leftIcon={<UploadFileIcon />}
        />
      )}
      <Divider sx={{ my: 1 }} />
      <RaMenu.Item to="/inbox" primaryText={translate('cascade.menu.inbox')} leftIcon={<InboxIcon />} />
      <RaMenu.Item to="/profile" primaryText={translate('cascade.menu.profile')} leftIcon={<AccountCircleIcon />} />
    </RaMenu>
  );
};
