import { col } from './columns';
import { defineTable } from './table';

export const Complaints = defineTable('Complaints', '投诉', [
  col.text('complaintId', '投诉编号', 'Complaint ID', { required: true, unique: true }),
  col.text('customerId', '客户编号', 'Customer ID', { required: true, ref: 'Customers' }),
  col.text('staffId', '员工编号', 'Staff ID', { required: true, ref: 'Staff' }),
  col.date('receivedOn', '投诉日期', 'Received On', { required: true }),
  col.yesno('valid', '有效投诉', 'Valid', { required: true }),
  col.text('content', '投诉内容', 'Content', { width: 28 }),
  col.text('resolution', '处理结果', 'Resolution', { width: 28 }),
  col.date('closedOn', '结案日期', 'Closed On'),
] as const, 'complaintId');
