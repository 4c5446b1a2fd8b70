import { countField } from './count-field.js'
import type { FormTemplate } from './types.js'

const families = { zh: '户', en: 'families' }

/** 家访: families visited this term out of the families the school serves. */
export const homeVisits: FormTemplate = {
  id: 'home-visits',
  version: 1,
  kind: 'survey',
  period: 'term',
  title: { zh: '家访工作统计', en: 'Home visits' },
  sections: [
    {
      id: 'visits',
      title: { zh: '家访情况', en: 'Visits' },
      fields: [
        countField('families', '学生家庭总数', 'Student families', { unit: families }),
        countField('visited', '已家访家庭数', 'Families visited', { unit: families }),
        countField('teachersInvolved', '参与家访教师', 'Teachers who visited'),
      ],
    },
  ],
  computed: [{ id: 'visitRate', label: { zh: '家访率', en: 'Visit rate' }, numerator: ['visited'], denominator: 'families' }],
  rules: [
    { kind: 'lte', left: 'visited', right: 'families' },
    { kind: 'rateChange', rate: 'visitRate', maxPoints: 20 },
  ],
}
