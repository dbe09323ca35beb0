import { KpiCode } from './types';

/** The names of the KPIs in both workbook languages (SPEC §3, 指标). */
export const KPI_LABELS: Readonly<Record<KpiCode, { zh: string; en: string }>> = {
  sales_completion: { zh: '大客户销售计划完成率', en: 'Sales plan completion' },
  churn_count: { zh: '大客户流失数', en: 'Key accounts lost' },
  churn_rate: { zh: '大客户流失率', en: 'Churn rate' },
  development_completion: { zh: '大客户开发计划完成率', en: 'Development plan completion' },
  new_development_rate: { zh: '大客户新开发率', en: 'New development rate' },
  valid_complaints: { zh: '大客户有效投诉次数', en: 'Valid complaints' },
  feedback_timeliness: { zh: '大客户意见反馈及时率', en: 'Feedback timeliness' },
  revisit_rate: { zh: '大客户回访率', en: 'Revisit rate' },
  expense_ratio: { zh: '服务费用控制', en: 'Service expense ratio' },
  archive_completeness: { zh: '大客户档案完整率', en: 'Archive completeness' },
  satisfaction: { zh: '大客户满意程度', en: 'Customer satisfaction' },
  pipeline_weighted: { zh: '商机加权金额', en: 'Weighted pipeline' },
};
