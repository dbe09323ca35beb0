import { tokens } from '@fluentui/react-components';

export interface ChartBar {
  label: string;
  /** A rate (1 = 100 %); null = N/A. */
  value: number | null;
  warning?: boolean;
}

const WIDTH = 288;
const ROW = 22;
const LABEL = 76;
const VALUE = 44;
/** The axis runs a little past the longest bar, from 120 % to 200 % (longer bars are cut). */
const axisMax = (bars: readonly ChartBar[]) => Math.min(2, Math.max(1.2, ...bars.map((b) => (b.value ?? 0) * 1.05)));

/** Horizontal bars of completion rates with the 100 % line: plain SVG, readable by screen readers. */
export function CompletionChart({ bars, title, notAvailable }: { bars: readonly ChartBar[]; title: string; notAvailable: string }) {
  const plot = WIDTH - LABEL - VALUE;
  const max = axisMax(bars);
  const x = (v: number) => LABEL + (Math.min(Math.max(v, 0), max) / max) * plot;
  const height = bars.length * ROW + 16;
  return (
    <svg width={WIDTH} height={height} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={title} data-testid="completion-chart">
      <title>{title}</title>
      {bars.map((b, i) => {
        const y = i * ROW + 4;
        const text = b.value === null ? notAvailable : `${Math.round(b.value * 100)}%`;
        return (
          <g key={i}>
            <text x={LABEL - 6} y={y + 13} textAnchor="end" fontSize="11" fill={tokens.colorNeutralForeground1}>
              {b.label.length > 7 ? `${b.label.slice(0, 6)}…` : b.label}
            </text>
            {b.value !== null && (
              <rect
                x={LABEL}
                y={y + 2}
                width={Math.max(1, x(b.value) - LABEL)}
                height={ROW - 8}
                rx={2}
                fill={b.warning ? tokens.colorPaletteRedBackground3 : b.value >= 1 ? tokens.colorPaletteGreenBackground3 : tokens.colorBrandBackground}
              />
            )}
            <text x={WIDTH - VALUE + 4} y={y + 13} fontSize="11" fill={tokens.colorNeutralForeground1}>
              {text}
            </text>
          </g>
        );
      })}
      <line x1={x(1)} x2={x(1)} y1={0} y2={height - 12} stroke={tokens.colorNeutralForeground2} strokeDasharray="3 2" />
      <text x={x(1)} y={height - 2} fontSize="10" textAnchor="middle" fill={tokens.colorNeutralForeground2}>
        100%
      </text>
    </svg>
  );
}
