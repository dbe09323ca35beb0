import { col } from './columns';
import { defineTable } from './table';

/** (Period, Staff ID) is unique; a blank Staff ID is the department's own row. */
export const Plans = defineTable('Plans', '计划指标', [
  col.period('period', '期间', 'Period', { required: true }),
  col.text('staffId', '员工编号', 'Staff ID', { ref: 'Staff', needed: true }),
  col.number('salesPlan', '销售计划（万元）', 'Sales Plan (10k CNY)', { min: 0, needed: true }),
  col.integer('developmentPlan', '开发计划（家）', 'Development Plan (accounts)', { min: 0, needed: true }),
  col.number('serviceBudget', '服务费用预算（元）', 'Service Budget (CNY)', { min: 0, needed: true }),
] as const);
