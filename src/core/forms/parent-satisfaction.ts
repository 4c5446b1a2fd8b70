import { countField } from './count-field.js'
import type { FormTemplate } from './types.js'

/**
 * 家长满意度测评 (行风评议), yearly, every school kind: the three answers add up to the parents
 * surveyed, and 满意度 counts "satisfied" and "rather satisfied" together, as bureaus publish it.
 */
export const parentSatisfaction: FormTemplate = {
  id: 'parent-satisfaction',
  version: 1,
  kind: 'survey',
  period: 'year',
  title: { zh: '家长满意度测评（行风评议）', en: 'Parent satisfaction survey (conduct review)' },
  sections: [
    {
      id: 'survey',
      title: { zh: '测评结果', en: 'Results' },
      fields: [
        countField('surveyed', '参与测评家长数', 'Parents surveyed'),
        countField('satisfied', '满意', 'Satisfied'),
        countField('ratherSatisfied', '基本满意', 'Rather satisfied'),
        countField('dissatisfied', '不满意', 'Dissatisfied'),
      ],
    },
    {
      id: 'complaints',
      title: { zh: '投诉与整改', en: 'Complaints' },
      fields: [
        countField('complaints', '本年度收到投诉件数（含 12345 热线转办）', 'Complaints received this year (incl. 12345 hotline)', { unit: { zh: '件', en: 'complaints' } }),
        countField('complaintsClosed', '已办结件数', 'Complaints closed', { unit: { zh: '件', en: 'complaints' } }),
        { id: 'mainIssues', type: 'text', maxLength: 500, label: { zh: '家长反映的主要问题及整改情况', en: 'Main issues parents raised, and what was done' } },
      ],
    },
  ],
  computed: [
    { id: 'satisfaction', label: { zh: '满意度', en: 'Satisfaction' }, numerator: ['satisfied', 'ratherSatisfied'], denominator: 'surveyed' },
  ],
  rules: [
    { kind: 'sum', parts: ['satisfied', 'ratherSatisfied', 'dissatisfied'], total: 'surveyed' },
    { kind: 'lte', left: 'complaintsClosed', right: 'complaints' },
    { kind: 'rateChange', rate: 'satisfaction', maxPoints: 10 },
  ],
}
