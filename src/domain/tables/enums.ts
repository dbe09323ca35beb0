/**
 * Enumerations of the workbook. The Chinese word is the canonical value the engine works with
 * (and what `kam kpi --json` prints, e.g. role `专员`); the English word is accepted on input
 * and written in English workbooks.
 */
export interface EnumDef<Z extends string = string> {
  name: string;
  members: readonly { zh: Z; en: string }[];
}

function enumDef<const Z extends string>(name: string, members: readonly { zh: Z; en: string }[]): EnumDef<Z> {
  return { name, members };
}

export const ROLE = enumDef('role', [
  { zh: '经理', en: 'Manager' },
  { zh: '内勤', en: 'Clerk' },
  { zh: '专员', en: 'Specialist' },
]);
export type Role = (typeof ROLE.members)[number]['zh'];

export const TIER = enumDef('tier', [
  { zh: 'A', en: 'A' },
  { zh: 'B', en: 'B' },
  { zh: 'C', en: 'C' },
]);

export const CUSTOMER_STATUS = enumDef('customerStatus', [
  { zh: '潜在', en: 'Prospect' },
  { zh: '开发中', en: 'Developing' },
  { zh: '合作中', en: 'Active' },
  { zh: '流失', en: 'Lost' },
]);

/** The document's seven development phases (开发大客户流程, 第一阶段…第七阶段). */
export const PHASE = enumDef('phase', [
  { zh: '目标和方向', en: 'Target and Direction' },
  { zh: '走访市场', en: 'Market Visits' },
  { zh: '深入接触', en: 'Deep Contact' },
  { zh: '实质性进展', en: 'Substantive Progress' },
  { zh: '初步合作', en: 'Initial Cooperation' },
  { zh: '危机公关', en: 'Crisis Management' },
  { zh: '稳定与发展', en: 'Stability and Growth' },
]);

export const VISIT_TYPE = enumDef('visitType', [
  { zh: '首访', en: 'First Visit' },
  { zh: '回访', en: 'Revisit' },
  { zh: '接待', en: 'Reception' },
  { zh: '电话', en: 'Call' },
]);

export const VISIT_STATUS = enumDef('visitStatus', [
  { zh: '计划', en: 'Planned' },
  { zh: '已完成', en: 'Done' },
  { zh: '已取消', en: 'Cancelled' },
]);

export const CONTRACT_STATUS = enumDef('contractStatus', [
  { zh: '有效', en: 'Valid' },
  { zh: '作废', en: 'Void' },
]);

/** The document's six-stage sales process, then the two closed outcomes. */
export const STAGE = enumDef('stage', [
  { zh: '客户开发', en: 'Lead' },
  { zh: '立项', en: 'Initiation' },
  { zh: '提案', en: 'Proposal' },
  { zh: '招投标', en: 'Bidding' },
  { zh: '商务谈判', en: 'Negotiation' },
  { zh: '工程实施', en: 'Implementation' },
  { zh: '已结项', en: 'Closed' },
  { zh: '已丢单', en: 'Lost' },
]);
export type Stage = (typeof STAGE.members)[number]['zh'];
/** Stages 客户开发…工程实施: an opportunity there is open. */
export const OPEN_STAGES: readonly Stage[] = ['客户开发', '立项', '提案', '招投标', '商务谈判', '工程实施'];

export const DIRECTION = enumDef('direction', [
  { zh: '越高越好', en: 'Higher' },
  { zh: '越低越好', en: 'Lower' },
]);

export const YES_NO_WORDS = { zh: { yes: '是', no: '否' }, en: { yes: 'Yes', no: 'No' } } as const;
