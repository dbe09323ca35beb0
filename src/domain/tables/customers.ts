import { col } from './columns';
import { CUSTOMER_STATUS, PHASE, TIER } from './enums';
import { defineTable } from './table';

export const Customers = defineTable('Customers', '客户档案', [
  col.text('customerId', '客户编号', 'Customer ID', { required: true, unique: true, width: 10 }),
  col.text('name', '客户名称', 'Customer Name', { required: true, width: 24 }),
  col.text('creditCode', '统一社会信用代码', 'Credit Code', { format: 'creditCode', width: 22 }),
  col.text('industry', '行业', 'Industry'),
  col.text('region', '区域', 'Region'),
  col.enum('tier', '客户等级', 'Tier', TIER),
  col.text('ownerId', '负责专员', 'Owner ID', { required: true, ref: 'Staff' }),
  col.enum('status', '状态', 'Status', CUSTOMER_STATUS, { required: true }),
  col.enum('phase', '关系阶段', 'Relationship Phase', PHASE, { width: 14 }),
  col.date('createdOn', '建档日期', 'Created On', { required: true }),
  col.date('developedOn', '开发日期', 'Developed On', { needed: true }),
  col.date('lostOn', '流失日期', 'Lost On', { needed: true }),
  col.text('lostReason', '流失原因', 'Lost Reason', { needed: true }),
  col.number('annualValue', '年合同额（万元）', 'Annual Contract Value (10k CNY)', { min: 0 }),
  col.text('contact', '联系人', 'Contact'),
  col.text('contactTitle', '联系人职务', 'Contact Title'),
  col.text('phone', '联系电话', 'Phone', { format: 'phone', width: 16 }),
  col.text('email', '电子邮箱', 'Email', { format: 'email', width: 22 }),
  col.text('address', '地址', 'Address', { width: 28 }),
  col.text('notes', '备注', 'Notes', { width: 20 }),
] as const, 'customerId');
