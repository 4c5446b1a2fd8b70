import { countField } from './count-field.js'
import type { FormTemplate } from './types.js'

const grades: readonly [string, string, string][] = [
  ['kindergarten', '幼儿园在园幼儿', 'Kindergarten children'],
  ['g1', '一年级', 'Grade 1'],
  ['g2', '二年级', 'Grade 2'],
  ['g3', '三年级', 'Grade 3'],
  ['g4', '四年级', 'Grade 4'],
  ['g5', '五年级', 'Grade 5'],
  ['g6', '六年级', 'Grade 6'],
  ['g7', '七年级（初一）', 'Grade 7'],
  ['g8', '八年级（初二）', 'Grade 8'],
  ['g9', '九年级（初三）', 'Grade 9'],
  ['s1', '高一', 'Senior 1'],
  ['s2', '高二', 'Senior 2'],
  ['s3', '高三', 'Senior 3'],
]

/** 在校生数 by grade; a school fills only the grades it has, so blank grades count as 0. */
export const enrolment: FormTemplate = {
  id: 'enrolment',
  version: 1,
  kind: 'survey',
  period: 'term',
  title: { zh: '在校生人数统计', en: 'Enrolment by grade' },
  sections: [
    {
      id: 'grades',
      title: { zh: '各年级在校生（本校没有的年级留空）', en: 'Students per grade (leave grades you do not have blank)' },
      fields: grades.map(([id, zh, en]) => countField(id, zh, en, { required: false })),
    },
    {
      id: 'totals',
      title: { zh: '合计', en: 'Totals' },
      fields: [
        countField('total', '在校生总数', 'Students in all'),
        countField('boarders', '其中寄宿生', 'Of whom boarders', { required: false }),
      ],
    },
  ],
  rules: [
    { kind: 'sum', parts: grades.map(([id]) => id), total: 'total', blankIsZero: true },
    { kind: 'lte', left: 'boarders', right: 'total' },
  ],
}
