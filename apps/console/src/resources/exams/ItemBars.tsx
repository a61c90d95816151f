import { useTheme } from '@mui/material';

const WIDTH = 160;
const HEIGHT = 18;

/** Facility 0..1 as a bar, over the band the labelled difficulty expects. */
export const FacilityBar = ({
  facility,
  expected,
  label,
}: {
  facility: number | null;
  expected: { min: number; max: number };
  label: string;
}) => {
  const theme = useTheme();
  const inBand = facility !== null && facility >= expected.min && facility <= expected.max;
  return (
    <svg width={WIDTH} height={HEIGHT} role="img" aria-label={label}>
      <rect x={0} y={0} width={WIDTH} height={HEIGHT} fill={theme.palette.grey[100]} rx={2} />
      <rect
        x={expected.min * WIDTH}
        y={0}
        width={(expected.max - expected.min) * WIDTH}
        height={HEIGHT}
        fill={theme.palette.success.light}
        opacity={0.35}
      />
      {facility !== null && (
        <rect
          x={0}
          y={5}
          width={facility * WIDTH}
          height={HEIGHT - 10}
          fill={inBand ? theme.palette.primary.main : theme.palette.warning.main}
          rx={1}
        />
      )}
    </svg>
  );
};

/** Discrimination -1..1 as a bar from the middle: right is good, left means strong trainees did worse. */
export const DiscriminationBar = ({ value, label }: { value: number | null; label: string }) => {
  const theme = useTheme();
  const middle = WIDTH / 2;
  const color =
    value === null
      ? theme.palette.grey[400]
      : value >= 0.3
        ? theme.palette.success.main
        : value >= 0.1
          ? theme.palette.warning.main
          : theme.palette.error.main;
  return (
    <svg width={WIDTH} height={HEIGHT} role="img" aria-label={label}>
      <rect x={0} y={0} width={WIDTH} height={HEIGHT} fill={theme.palette.grey[100]} rx={2} />
      <line x1={middle} x2={middle} y1={0} y2={HEIGHT} stroke={theme.palette.grey[500]} />
      {value !== null && (
        <rect
          x={value >= 0 ? middle : middle + value * middle}
          y={5}
          width={Math.abs(value) * middle}
          height={HEIGHT - 10}
          fill={color}
          rx={1}
        />
      )}
    </svg>
  );
};
