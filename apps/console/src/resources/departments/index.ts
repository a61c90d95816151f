import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { DepartmentCreate } from './DepartmentCreate';
import { DepartmentEdit } from './DepartmentEdit';
import { DepartmentList } from './DepartmentList';
import { DepartmentShow } from './DepartmentShow';

export default {
  list: DepartmentList,
  show: DepartmentShow,
  edit: DepartmentEdit,
  create: DepartmentCreate,
  icon: AccountTreeIcon,
  recordRepresentation: 'name',
};
