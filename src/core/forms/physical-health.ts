import { countField } from './count-field.js'
import type { FormTemplate } from './types.js'

/** 《国家学生体质健康标准》 test results: every tested student gets exactly one of four levels. */
export const physicalHealth: FormTemplate = {
  id: 'physical-health',
  version: 1,
  kind: 'survey',
  period: 'year',
  title: { zh: '学生体质健康测试统计', en: 'Student physical-health tests' },
  sections: [
    {
      id: 'tested',
      title: { zh: '测试人数', en: 'Students tested' },
      fields: [
        countField('enrolled', '应测人数（在校生）', 'Students due to be tested'),
        countField('tested', '实测人数', 'Students tested'),
      ],
    },
    {
      id: 'levels',
      title: { zh: '测试等级', en: 'Results' },
      fields: [
        countField('excellent', '优秀', 'Excellent'),
        countField('good', '良好', 'Good'),
        countField('pass', '及格', 'Pass'),
        countField('fail', '不及格', 'Fail'),
      ],
    },
  ],
  computed: [
    { id: 'goodRate', label: { zh: '优良率', en: 'Excellent or good' }, numerator: ['excellent', 'good'], denominator: 'tested' },
    { id: 'passRate', label: { zh: '及格率', en: 'Pass rate' }, numerator: ['excellent', 'good', 'pass'], denominator: 'tested' },
  ],
  rules: [
    { kind: 'lte', left: 'tested', right: 'enrolled' },
    { kind: 'sum', parts: ['excellent', 'good', 'pass', 'fail'], total: 'tested' },
    { kind: 'rateChange', rate: 'goodRate', maxPoints: 10 },
  ],
}
