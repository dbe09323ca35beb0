import { col } from './columns';
import { defineTable } from './table';

/** Qualitative scores entered by assessors (the clerk's KPIs, 定性指标). */
export const Assessments = defineTable('Assessments', '定性评分', [
  col.period('period', '期间', 'Period', { required: true }),
  col.text('staffId', '员工编号', 'Staff ID', { required: true, ref: 'Staff' }),
  col.text('item', '评分项', 'Item', { required: true, width: 14 }),
  col.number('score', '评分（0-100）', 'Score (0-100)', { required: true, min: 0, max: 100, numFmt: '0' }),
  col.text('assessor', '评分人', 'Assessor'),
] as const);
