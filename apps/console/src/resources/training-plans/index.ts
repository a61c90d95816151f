import AssignmentIcon from '@mui/icons-material/Assignment';
import { PlanCreate } from './PlanCreate';
import { PlanEdit } from './PlanEdit';
import { PlanList } from './PlanList';
import { PlanShow } from './PlanShow';

export default {
  list: PlanList,
  show: PlanShow,
  edit: PlanEdit,
  create: PlanCreate,
  icon: AssignmentIcon,
  recordRepresentation: 'title',
};
