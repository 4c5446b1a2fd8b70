import { countField } from './count-field.js'
import type { FormTemplate } from './types.js'

/** 近视筛查: myopic ≤ screened ≤ enrolled; the district's target is the rate falling ≥ 1 point a year. */
export const myopiaScreening: FormTemplate = {
  id: 'myopia-screening',
  version: 1,
  kind: 'survey',
  period: 'term',
  title: { zh: '近视筛查统计', en: 'Myopia screening' },
  sections: [
    {
      id: 'counts',
      title: { zh: '筛查情况', en: 'Screening' },
      fields: [
        countField('enrolled', '在校生数', 'Students enrolled'),
        countField('screened', '筛查人数', 'Students screened'),
        countField('myopic', '筛查出近视人数', 'Found myopic'),
      ],
    },
  ],
  computed: [
    { id: 'myopiaRate', label: { zh: '近视率', en: 'Myopia rate' }, numerator: ['myopic'], denominator: 'screened' },
    { id: 'screenedRate', label: { zh: '筛查覆盖率', en: 'Screening coverage' }, numerator: ['screened'], denominator: 'enrolled' },
  ],
  rules: [
    { kind: 'lte', left: 'myopic', right: 'screened' },
    { kind: 'lte', left: 'screened', right: 'enrolled' },
    { kind: 'rateChange', rate: 'myopiaRate', maxPoints: 5 },
  ],
}
