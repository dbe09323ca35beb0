import { col } from './columns';
import { ROLE } from './enums';
import { defineTable } from './table';

export const Staff = defineTable('Staff', '员工', [
  col.text('staffId', '员工编号', 'Staff ID', { required: true, unique: true, width: 10 }),
  col.text('name', '姓名', 'Name', { required: true }),
  col.enum('role', '岗位', 'Role', ROLE, { required: true }),
  col.text('region', '区域', 'Region'),
  col.yesno('active', '在职', 'Active', { defaultValue: true, needed: true }),
] as const, 'staffId');
