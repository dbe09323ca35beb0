import { col } from './columns';
import { DIRECTION, ROLE } from './enums';
import { defineTable } from './table';

export const ScoringScheme = defineTable('ScoringScheme', '考核方案', [
  col.enum('role', '岗位', 'Role', ROLE, { required: true }),
  col.text('kpi', '指标代码', 'KPI Code', { required: true, width: 24 }),
  col.number('weight', '权重', 'Weight', { required: true, positive: true, numFmt: '0' }),
  col.number('target', '目标值', 'Target', { needed: true, acceptPercent: true, numFmt: 'General' }),
  col.enum('direction', '方向', 'Direction', DIRECTION, { defaultValue: '越高越好' }),
] as const);
