import { col } from './columns';
import { VISIT_STATUS, VISIT_TYPE } from './enums';
import { defineTable } from './table';

export const Visits = defineTable('Visits', '拜访记录', [
  col.text('visitId', '拜访编号', 'Visit ID', { required: true, unique: true }),
  col.text('customerId', '客户编号', 'Customer ID', { required: true, ref: 'Customers' }),
  col.text('staffId', '员工编号', 'Staff ID', { required: true, ref: 'Staff' }),
  col.enum('visitType', '拜访类型', 'Visit Type', VISIT_TYPE, { required: true }),
  col.date('plannedOn', '计划日期', 'Planned On', { required: true }),
  col.date('visitedOn', '实际日期', 'Visited On', { needed: true }),
  col.enum('status', '状态', 'Status', VISIT_STATUS, { required: true }),
  col.text('purpose', '目的', 'Purpose', { width: 20 }),
  col.text('outcome', '结果', 'Outcome', { width: 20 }),
  col.text('nextStep', '下一步', 'Next Step', { width: 20 }),
] as const, 'visitId');
