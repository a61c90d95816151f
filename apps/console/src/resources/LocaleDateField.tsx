import { DateField, useLocaleState, type DateFieldProps } from 'react-admin';

/** A DateField formatted for the console's language rather than the browser's. */
export const LocaleDateField = (props: DateFieldProps) => {
  const [locale] = useLocaleState();
  return <DateField showTime {...props} locales={locale} />;
};
