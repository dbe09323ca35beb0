import { Assessments } from './assessments';
import { Complaints } from './complaints';
import { Contracts } from './contracts';
import { Customers } from './customers';
import { Expenses } from './expenses';
import { Feedback } from './feedback';
import { Opportunities } from './opportunities';
import { Plans } from './plans';
import { ScoringScheme } from './scoringScheme';
import { Settings } from './settings';
import { Staff } from './staff';
import { Surveys } from './surveys';
import { Visits } from './visits';

export { Assessments, Complaints, Contracts, Customers, Expenses, Feedback, Opportunities, Plans, ScoringScheme, Settings, Staff, Surveys, Visits };
export * from './columns';
export * from './enums';
export * from './table';
export { STAGE_KEY_NODES } from './opportunities';
export { EXPENSE_CATEGORIES } from './expenses';

/** Every input table of SPEC §2, in workbook order. */
export const INPUT_TABLES = [
  Staff,
  Customers,
  Visits,
  Contracts,
  Plans,
  Opportunities,
  Complaints,
  Feedback,
  Expenses,
  Surveys,
  Assessments,
  Settings,
  ScoringScheme,
] as const;

export type InputTableDef = (typeof INPUT_TABLES)[number];
export type TableName = InputTableDef['name'];

export const TABLES_BY_NAME: ReadonlyMap<string, InputTableDef> = new Map(INPUT_TABLES.map((t) => [t.name, t]));
