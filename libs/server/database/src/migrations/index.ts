// Every migration, in order. New ones are generated with `npm run db:generate -- <Name>`.
import { Initial1795828845931 } from './1795828845931-Initial';
export const migrations: Function[] = [
  Initial1795828845931,
];
