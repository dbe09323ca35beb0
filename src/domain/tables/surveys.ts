import { col } from './columns';
import { defineTable } from './table';

export const Surveys = defineTable('Surveys', '满意度调查', [
  col.text('surveyId', '调查编号', 'Survey ID', { required: true, unique: true }),
  col.text('customerId', '客户编号', 'Customer ID', { required: true, ref: 'Customers' }),
  col.text('staffId', '员工编号', 'Staff ID', { required: true, ref: 'Staff' }),
  col.date('surveyedOn', '调查日期', 'Surveyed On', { required: true }),
  col.number('score', '满意度（0-100）', 'Score (0-100)', { required: true, min: 0, max: 100, numFmt: '0' }),
  col.text('comments', '意见', 'Comments', { width: 28 }),
] as const, 'surveyId');
