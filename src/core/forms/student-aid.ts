import { countField } from './count-field.js'
import type { FormTemplate, NumberField } from './types.js'

const yuan = (id: string, zh: string, en: string): NumberField => ({ id, type: 'number', min: 0, max: 100_000_000, required: true, unit: { zh: '元', en: 'yuan' }, label: { zh, en } })

/**
 * 学生资助, per term, every school kind: families in hardship and the aid they got; the 寄宿生生活补助
 * (boarding subsidy) section is asked only of schools with boarders.
 */
export const studentAid: FormTemplate = {
  id: 'student-aid',
  version: 1,
  kind: 'survey',
  period: 'term',
  title: { zh: '学生资助统计（含寄宿生生活补助）', en: 'Student financial aid (with boarding subsidies)' },
  sections: [
    {
      id: 'aid',
      title: { zh: '家庭经济困难学生资助', en: 'Aid for students from families in hardship' },
      fields: [
        countField('enrolled', '在校生数', 'Students enrolled'),
        countField('hardship', '家庭经济困难学生数（含脱贫家庭、低保、特困供养）', 'Students from families in hardship (incl. low-income and destitute families)'),
        countField('aided', '本学期获得资助学生数', 'Students aided this term'),
        yuan('aidAmount', '本学期资助金额', 'Aid paid this term'),
      ],
    },
    {
      id: 'boardingQuestion',
      title: { zh: '寄宿情况', en: 'Boarding' },
      fields: [
        { id: 'hasBoarders', type: 'choice', required: true, label: { zh: '学校是否有寄宿生', en: 'Does the school have boarders?' }, options: [
          { value: 'yes', label: { zh: '是', en: 'Yes' } },
          { value: 'no', label: { zh: '否', en: 'No' } },
        ] },
      ],
    },
    {
      id: 'boarding',
      title: { zh: '寄宿生生活补助', en: 'Boarding subsidy' },
      relevant: { op: 'eq', field: 'hasBoarders', value: 'yes' },
      fields: [
        countField('boarders', '寄宿生数', 'Boarders'),
        countField('boardingAided', '享受寄宿生生活补助人数', 'Boarders receiving the subsidy'),
        yuan('boardingAmount', '本学期寄宿生生活补助金额', 'Boarding subsidy paid this term'),
      ],
    },
  ],
  computed: [
    { id: 'aidRate', label: { zh: '困难学生资助覆盖率', en: 'Share of students in hardship aided' }, numerator: ['aided'], denominator: 'hardship' },
  ],
  rules: [
    { kind: 'lte', left: 'hardship', right: 'enrolled' },
    { kind: 'lte', left: 'aided', right: 'enrolled' },
    { kind: 'lte', left: 'boarders', right: 'enrolled' },
    { kind: 'lte', left: 'boardingAided', right: 'boarders' },
  ],
}
