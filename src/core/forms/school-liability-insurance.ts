import { countField } from './count-field.js'
import type { FormTemplate } from './types.js'

/** 校方责任险, yearly, every school kind: the school's liability policy, paid from public funds. */
export const schoolLiabilityInsurance: FormTemplate = {
  id: 'school-liability-insurance',
  version: 1,
  kind: 'survey',
  period: 'year',
  title: { zh: '校方责任险投保情况', en: 'School liability insurance' },
  sections: [
    {
      id: 'policy',
      title: { zh: '保单', en: 'Policy' },
      fields: [
        { id: 'insurer', type: 'text', required: true, maxLength: 100, label: { zh: '承保保险公司', en: 'Insurer' } },
        { id: 'policyNumber', type: 'text', required: true, maxLength: 50, label: { zh: '保单号', en: 'Policy number' } },
        { id: 'coverFrom', type: 'date', required: true, label: { zh: '保险起期', en: 'Cover starts' } },
        { id: 'coverTo', type: 'date', required: true, label: { zh: '保险止期', en: 'Cover ends' } },
        { id: 'premium', type: 'number', required: true, min: 0, max: 10_000_000, unit: { zh: '元', en: 'yuan' }, label: { zh: '保费总额', en: 'Total premium' } },
        { id: 'policyPhoto', type: 'photo', max: 3, label: { zh: '保单照片', en: 'Photo of the policy' } },
      ],
    },
    {
      id: 'coverage',
      title: { zh: '覆盖与理赔', en: 'Coverage and claims' },
      fields: [
        countField('enrolled', '在校生数', 'Students enrolled'),
        countField('insured', '投保学生数', 'Students insured'),
        countField('claims', '本年度报案（理赔）件数', 'Claims reported this year', { unit: { zh: '件', en: 'claims' } }),
        countField('claimsSettled', '已结案件数', 'Claims settled', { unit: { zh: '件', en: 'claims' } }),
      ],
    },
  ],
  computed: [
    { id: 'insuredRate', label: { zh: '投保覆盖率', en: 'Share insured' }, numerator: ['insured'], denominator: 'enrolled' },
  ],
  rules: [
    { kind: 'lte', left: 'insured', right: 'enrolled' },
    { kind: 'lte', left: 'claimsSettled', right: 'claims' },
  ],
}
