import type { Lang } from '../i18n/messages';

/**
 * The words printed on the forms, in both workbook languages. The Chinese wording follows the
 * source document (文案名称, 编号, 执行部门, 监督部门; 编制人员, 审核人员, 批准人员 and their dates).
 */
const WORDS = {
  // header block and footer
  documentName: ['文案名称', 'Document'],
  documentNumber: ['编号', 'Doc. No.'],
  executingDepartment: ['执行部门', 'Executed by'],
  supervisingDepartment: ['监督部门', 'Supervised by'],
  preparedBy: ['编制人员', 'Prepared by'],
  reviewedBy: ['审核人员', 'Reviewed by'],
  approvedBy: ['批准人员', 'Approved by'],
  preparedOn: ['编制日期', 'Prepared on'],
  reviewedOn: ['审核日期', 'Reviewed on'],
  approvedOn: ['批准日期', 'Approved on'],
  pageFooter: ['&C第 &P 页，共 &N 页', '&CPage &P of &N'],
  keyAccountDept: ['大客户部', 'Key Account Department'],
  marketingDept: ['市场营销部', 'Marketing Department'],
  serviceDept: ['客服部', 'Customer Service Department'],
  hrDept: ['人力资源部', 'Human Resources Department'],
  asOf: ['数据截至', 'Data as of'],
  none: ['（无）', '(none)'],
  notAvailable: ['N/A', 'N/A'],
  dash: ['—', '—'],
  sign: ['签字：', 'Signature:'],
  date: ['日期：', 'Date:'],

  // customer fields
  customerId: ['客户编号', 'Customer ID'],
  customerName: ['客户名称', 'Customer Name'],
  creditCode: ['统一社会信用代码', 'Credit Code'],
  industry: ['行业', 'Industry'],
  region: ['区域', 'Region'],
  tier: ['客户等级', 'Tier'],
  owner: ['负责专员', 'Account Owner'],
  customerStatus: ['状态', 'Status'],
  phase: ['关系阶段', 'Relationship Phase'],
  createdOn: ['建档日期', 'Created On'],
  developedOn: ['开发日期', 'Developed On'],
  lostOn: ['流失日期', 'Lost On'],
  lostReason: ['流失原因', 'Lost Reason'],
  annualValue: ['年合同额（万元）', 'Annual Value (10k CNY)'],
  contact: ['联系人', 'Contact'],
  contactTitle: ['联系人职务', 'Contact Title'],
  phone: ['联系电话', 'Phone'],
  email: ['电子邮箱', 'Email'],
  address: ['地址', 'Address'],
  notes: ['备注', 'Notes'],

  // sections
  basicInfo: ['一、客户基本信息', '1. Customer'],
  recentVisits: ['二、最近拜访记录', '2. Recent visits'],
  contracts: ['三、合同记录', '3. Contracts'],
  complaints: ['四、投诉记录', '4. Complaints'],
  contractId: ['合同编号', 'Contract ID'],
  signedOn: ['签订日期', 'Signed On'],
  contractAmount: ['合同金额（万元）', 'Amount (10k CNY)'],
  contractStatus: ['状态', 'Status'],
  signedBy: ['经办专员', 'Signed by'],
  latestListed: ['，列出最近 {shown} 条', '; the latest {shown} are listed'],
  onlyRecent: ['仅列最近 {shown} 条，共 {total} 条。', 'The latest {shown} of {total} are listed.'],
  contractSummary: ['共 {count} 份合同，有效合同金额合计 {amount} 万元{latest}。', '{count} contracts; valid contracts total {amount} (10k CNY){latest}.'],
  complaintSummary: ['共 {count} 次投诉，其中有效投诉 {valid} 次{latest}。', '{count} complaints, {valid} of them valid{latest}.'],

  // visits
  visitId: ['拜访编号', 'Visit ID'],
  visitType: ['拜访类型', 'Visit Type'],
  type: ['类型', 'Type'],
  plannedOn: ['计划日期', 'Planned On'],
  visitedOn: ['实际日期', 'Visited On'],
  visitDate: ['日期', 'Date'],
  visitStatus: ['状态', 'Status'],
  visitor: ['拜访人', 'Visited by'],
  purpose: ['拜访目的', 'Purpose'],
  outcome: ['拜访结果', 'Outcome'],
  nextStep: ['下一步计划', 'Next step'],
  purposeOutcome: ['目的 / 结果', 'Purpose / Outcome'],
  customerOpinion: ['客户意见与需求', 'Customer feedback and needs'],
  managerOpinion: ['主管意见', "Manager's comments"],
  visitorSignature: ['拜访人签字', "Visitor's signature"],
  signDate: ['签字日期', 'Date'],
  serial: ['序号', 'No.'],
  customer: ['客户', 'Customer'],
  remarks: ['目的 / 备注', 'Purpose / Remarks'],
  specialist: ['专员', 'Specialist'],
  planPeriod: ['计划期间', 'Period'],
  plannedCount: ['计划拜访次数', 'Planned visits'],
  doneCount: ['已完成', 'Done'],
  byType: ['按类型', 'By type'],
  noPlannedVisits: ['（本期没有计划拜访）', '(no visits planned in this period)'],
  managerReview: ['部门经理审核意见', "Manager's review"],
  visitInfo: ['拜访信息', 'Visit'],
  visitRecord: ['拜访记录', 'Record'],

  // reception
  receptionDate: ['接待日期', 'Date'],
  receivedBy: ['接待人', 'Host'],
  receptionPurpose: ['接待事由', 'Purpose'],
  receptionOutcome: ['接待结果', 'Outcome'],
  period: ['期间', 'Period'],
  allStaff: ['全部', 'All'],
  receptionCount: ['接待次数', 'Receptions'],
  noReceptions: ['（本期没有接待记录）', '(no receptions in this period)'],

  // survey
  surveyIntro: [
    '尊敬的客户：感谢您对我们的支持！请对以下各项打分，在相应的 □ 内打 √。评分标准：5 = 非常满意，4 = 满意，3 = 一般，2 = 不满意，1 = 非常不满意。',
    'Dear customer, thank you for your support. Please rate each item by ticking one box: 5 = very satisfied, 4 = satisfied, 3 = neutral, 2 = dissatisfied, 1 = very dissatisfied.',
  ],
  surveyItem: ['调查项目', 'Item'],
  scale5: ['非常满意\n（5）', 'Very satisfied\n(5)'],
  scale4: ['满意\n（4）', 'Satisfied\n(4)'],
  scale3: ['一般\n（3）', 'Neutral\n(3)'],
  scale2: ['不满意\n（2）', 'Dissatisfied\n(2)'],
  scale1: ['非常不满意\n（1）', 'Very dissatisfied\n(1)'],
  suggestions: ['意见和建议', 'Comments and suggestions'],
  respondent: ['填表人（签字）', 'Respondent (signature)'],
  respondentTitle: ['职务', 'Title'],
  surveyedOn: ['填表日期', 'Date'],
  surveyor: ['调查人', 'Surveyor'],
  surveyScoring: [
    '内部填写：平均分 ______ ÷ 5 × 100 = 满意度（0-100）______，录入“满意度调查”表。',
    'Office use: average ______ ÷ 5 × 100 = score (0-100) ______, entered in the Surveys table.',
  ],

  // complaints
  complaintId: ['投诉编号', 'Complaint ID'],
  receivedOn: ['投诉日期', 'Received On'],
  responsible: ['责任人', 'Responsible'],
  valid: ['有效投诉', 'Valid'],
  validShort: ['有效', 'Valid'],
  content: ['投诉内容', 'Complaint'],
  resolution: ['处理结果', 'Resolution'],
  closedOn: ['结案日期', 'Closed On'],
  handling: ['处理状态', 'Handling'],
  closedAfter: ['已结案，用时 {days} 天', 'Closed after {days} days'],
  openSince: ['处理中，已 {days} 天', 'Open for {days} days'],
  open: ['处理中', 'Open'],
  cause: ['原因分析', 'Cause'],
  measures: ['改进措施', 'Corrective actions'],
  followUp: ['客户回访意见', 'Customer follow-up'],
  responsibleSignature: ['责任人签字', "Responsible's signature"],
  managerSignature: ['部门经理签字', "Manager's signature"],

  // assessment
  staffId: ['员工编号', 'Staff ID'],
  name: ['姓名', 'Name'],
  role: ['岗位', 'Role'],
  assessmentPeriod: ['考核期间', 'Period'],
  assessors: ['考核主体', 'Assessed by'],
  assessorsManager: ['营销总监、人力资源部', 'Sales Director, Human Resources'],
  assessorsStaff: ['大客户部经理、人力资源部', 'Key Account Manager, Human Resources'],
  kpi: ['考核指标', 'KPI'],
  value: ['实际值', 'Actual'],
  target: ['目标值', 'Target'],
  weight: ['权重', 'Weight'],
  score: ['得分', 'Score'],
  total: ['综合得分', 'Total score'],
  result: ['考核结果', 'Result'],
  pass: ['合格', 'Pass'],
  warning: ['警告', 'Warning'],
  lowerBetter: ['（越低越好）', ' (lower is better)'],
  scoringRule: [
    '注：得分 0–120；综合得分 = Σ(权重 × 得分) ÷ Σ权重，实际值为 N/A 的指标不计入。综合得分低于 {warning} 分者，将受到口头警告处分。',
    'Scores 0–120; total = Σ(weight × score) ÷ Σ weight over the KPIs with a value (N/A left out). A total below {warning} gets a verbal warning.',
  ],
  kpiTable: ['考核指标及得分', 'KPIs and scores'],
  assessorComments: ['考核评语', "Assessor's comments"],
  assessee: ['被考核人', 'Employee'],
  assessor: ['考核人', 'Assessor'],
} as const satisfies Record<string, readonly [string, string]>;

export type WordKey = keyof typeof WORDS;

/** A form word in the language, with `{name}` placeholders filled. */
export function word(key: WordKey, lang: Lang, params: Record<string, string | number> = {}): string {
  const text: string = WORDS[key][lang === 'zh' ? 0 : 1];
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** The document's qualitative items (SPEC §2 Assessments), for English forms. */
const ASSESSMENT_ITEMS_EN: Readonly<Record<string, string>> = {
  专业技能: 'Professional skills',
  调查能力: 'Research ability',
  问题解决能力: 'Problem solving',
  创新能力: 'Innovation',
  档案完整性: 'Archive completeness',
  服务规范执行: 'Service standards',
  问题解答及时性: 'Timely answers',
};

export function assessmentItemLabel(item: string, lang: Lang): string {
  return lang === 'en' ? (ASSESSMENT_ITEMS_EN[item] ?? item) : item;
}

/** The survey's questions: what the document asks customers about (售前售后服务, 问题解答, 服务规范…). */
export const SURVEY_QUESTIONS: readonly (readonly [string, string])[] = [
  ['产品与服务质量', 'Quality of products and services'],
  ['交货与交付的及时性', 'On-time delivery'],
  ['售后服务（维修、技术支持）', 'After-sales service (repair, technical support)'],
  ['产品介绍与培训', 'Product introductions and training'],
  ['问题解答的及时性', 'Timely answers to your questions'],
  ['客户专员的专业能力', "Your account specialist's expertise"],
  ['服务态度与服务规范', 'Service attitude and standards'],
  ['拜访频率与沟通效果', 'Visit frequency and communication'],
  ['投诉处理的效率与结果', 'Complaint handling'],
  ['价格与商务条款', 'Prices and commercial terms'],
  ['总体满意度', 'Overall satisfaction'],
];
