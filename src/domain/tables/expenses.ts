import { col } from './columns';
import { defineTable } from './table';

/** Category is free text; 招待/差旅/礼品/其他 are suggested in the dropdown-less column. */
export const Expenses = defineTable('Expenses', '服务费用', [
  col.text('expenseId', '费用编号', 'Expense ID', { required: true, unique: true }),
  col.date('spentOn', '日期', 'Spent On', { required: true }),
  col.text('staffId', '员工编号', 'Staff ID', { required: true, ref: 'Staff' }),
  col.text('customerId', '客户编号', 'Customer ID', { ref: 'Customers' }),
  col.text('category', '类别', 'Category'),
  col.number('amount', '金额（元）', 'Amount (CNY)', { required: true, min: 0 }),
] as const, 'expenseId');

export const EXPENSE_CATEGORIES = { zh: ['招待', '差旅', '礼品', '其他'], en: ['Entertainment', 'Travel', 'Gifts', 'Other'] };
