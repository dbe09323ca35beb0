import { col } from './columns';
import { defineTable } from './table';

export const Feedback = defineTable('Feedback', '意见反馈', [
  col.text('feedbackId', '反馈编号', 'Feedback ID', { required: true, unique: true }),
  col.text('customerId', '客户编号', 'Customer ID', { required: true, ref: 'Customers' }),
  col.text('staffId', '员工编号', 'Staff ID', { required: true, ref: 'Staff' }),
  col.datetime('receivedAt', '收到时间', 'Received At', { required: true }),
  col.datetime('repliedAt', '答复时间', 'Replied At', { needed: true }),
  col.text('content', '内容', 'Content', { width: 28 }),
] as const, 'feedbackId');
