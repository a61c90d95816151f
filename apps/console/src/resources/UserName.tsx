import { useGetOne } from 'react-admin';

/** A user's name looked up by id (cached by react-admin); a dash when the user is hidden from this reader. */
export const UserName = ({ id, fallback = '—' }: { id: string | null | undefined; fallback?: string }) => {
  const { data, error } = useGetOne<{ id: string; name: string }>(
    'users',
    { id: id ?? '' },
    { enabled: Boolean(id), retry: false },
  );
  if (!id || error) return <>{fallback}</>;
  return <>{data?.name ?? '…'}</>;
};
