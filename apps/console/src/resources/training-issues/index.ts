import BugReportIcon from '@mui/icons-material/BugReport';
import { IssueCreate } from './IssueCreate';
import { IssueEdit } from './IssueEdit';
import { IssueList } from './IssueList';
import { IssueShow } from './IssueShow';

export default {
  list: IssueList,
  show: IssueShow,
  edit: IssueEdit,
  create: IssueCreate,
  icon: BugReportIcon,
  recordRepresentation: 'title',
};
