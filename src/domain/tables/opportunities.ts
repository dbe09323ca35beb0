import { col } from './columns';
import { STAGE } from './enums';
import { defineTable } from './table';

/** The document's six-stage sales process; each stage has a key-node date (stage gate). */
export const Opportunities = defineTable('Opportunities', '商机', [
  col.text('opportunityId', '商机编号', 'Opportunity ID', { required: true, unique: true }),
  col.text('customerId', '客户编号', 'Customer ID', { required: true, ref: 'Customers' }),
  col.text('staffId', '员工编号', 'Staff ID', { required: true, ref: 'Staff' }),
  col.text('projectName', '项目名称', 'Project Name', { required: true, width: 24 }),
  col.enum('stage', '阶段', 'Stage', STAGE, { required: true }),
  col.number('expectedAmount', '预计金额（万元）', 'Expected Amount (10k CNY)', { min: 0, needed: true }),
  col.percent('winProbability', '赢单概率', 'Win Probability', { min: 0, max: 1, needed: true }),
  col.date('expectedSigning', '预计签约日期', 'Expected Signing'),
  col.date('infoConfirmedOn', '信息确认日', 'Info Confirmed On'),
  col.date('initiatedOn', '立项日', 'Initiated On'),
  col.date('proposalOn', '提案日', 'Proposal On'),
  col.date('bidOn', '投标日', 'Bid On'),
  col.date('signedOn', '签约日', 'Signed On'),
  col.date('acceptedOn', '验收日', 'Accepted On'),
] as const, 'opportunityId');

/** Key-node date of each of the six stages, in stage order (客户开发 … 工程实施). */
export const STAGE_KEY_NODES = ['infoConfirmedOn', 'initiatedOn', 'proposalOn', 'bidOn', 'signedOn', 'acceptedOn'] as const;
