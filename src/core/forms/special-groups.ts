import { countField } from './count-field.js'
import type { FormTemplate } from './types.js'

/** 残疾儿童 by placement and 随迁子女: both targets are 100% enrolment. */
export const specialGroups: FormTemplate = {
  id: 'special-groups',
  version: 1,
  kind: 'survey',
  period: 'term',
  title: { zh: '残疾儿童与随迁子女统计', en: 'Children with disabilities and children of migrant workers' },
  sections: [
    {
      id: 'school',
      title: { zh: '在校生', en: 'Students' },
      fields: [countField('enrolled', '在校生总数', 'Students enrolled')],
    },
    {
      id: 'disabilities',
      title: { zh: '残疾儿童少年安置', en: 'Children with disabilities, by placement' },
      fields: [
        countField('disabledTotal', '残疾儿童少年总数', 'Children with disabilities in all'),
        countField('regularClass', '随班就读', 'In a regular class'),
        countField('homeTeaching', '送教上门', 'Taught at home'),
        countField('specialSchool', '转介特殊教育学校', 'Referred to a special school'),
      ],
    },
    {
      id: 'migrant',
      title: { zh: '随迁子女', en: 'Children of migrant workers' },
      fields: [countField('migrant', '进城务工人员随迁子女', 'Children of migrant workers')],
    },
  ],
  computed: [
    { id: 'regularShare', label: { zh: '随班就读比例', en: 'Share in regular classes' }, numerator: ['regularClass'], denominator: 'disabledTotal' },
    { id: 'migrantShare', label: { zh: '随迁子女占比', en: 'Share of migrant workers’ children' }, numerator: ['migrant'], denominator: 'enrolled' },
  ],
  rules: [
    { kind: 'sum', parts: ['regularClass', 'homeTeaching', 'specialSchool'], total: 'disabledTotal' },
    // Children taught at home or referred elsewhere still count on the school's roll.
    { kind: 'lte', left: 'disabledTotal', right: 'enrolled' },
    { kind: 'lte', left: 'migrant', right: 'enrolled' },
  ],
}
