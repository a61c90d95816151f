import { ValueTransformer } from 'typeorm';

/** Points are exact to hundredths in the database (numeric) and plain numbers in code. */
export const POINTS_COLUMN = {
  precision: 5,
  scale: 2,
  transformer: {
    to: (value: number | null | undefined) => value,
    from: (value: string | null) => (value === null ? null : Number(value)),
  } satisfies ValueTransformer,
};
