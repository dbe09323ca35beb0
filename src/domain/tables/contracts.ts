import { col } from './columns';
import { CONTRACT_STATUS } from './enums';
import { defineTable } from './table';

export const Contracts = defineTable('Contracts', '合同', [
  col.text('contractId', '合同编号', 'Contract ID', { required: true, unique: true }),
  col.text('customerId', '客户编号', 'Customer ID', { required: true, ref: 'Customers' }),
  col.text('staffId', '员工编号', 'Staff ID', { required: true, ref: 'Staff' }),
  col.date('signedOn', '签订日期', 'Signed On', { required: true }),
  col.number('amount', '合同金额（万元）', 'Amount (10k CNY)', { required: true, positive: true }),
  col.enum('status', '状态', 'Status', CONTRACT_STATUS, { defaultValue: '有效', needed: true }),
] as const, 'contractId');
