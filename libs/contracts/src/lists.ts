export const MAX_PER_PAGE = 100;
export const DEFAULT_PER_PAGE = 25;
export type SortOrder = 'ASC' | 'DESC';

export interface ListResult<T> {
  data: T[];
  total: number;
}
