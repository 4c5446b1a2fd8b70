import { countField } from './count-field.js'
import type { FormTemplate, NumberField } from './types.js'

const sessions = (id: string, zh: string, en: string): NumberField => ({ id, type: 'integer', min: 0, max: 10_000, required: true, unit: { zh: '次', en: 'sessions' }, label: { zh, en } })

/**
 * 禁毒与反邪教宣传教育, per term, every school kind (kindergartens through parents' sessions):
 * sessions held, people reached and the national online drug-education quiz.
 */
export const drugCultEducation: FormTemplate = {
  id: 'drug-cult-education',
  version: 1,
  kind: 'survey',
  period: 'term',
  title: { zh: '禁毒与反邪教宣传教育', en: 'Drug and cult prevention education' },
  sections: [
    {
      id: 'drugs',
      title: { zh: '禁毒教育', en: 'Drug prevention' },
      fields: [
        countField('enrolled', '在校生数', 'Students enrolled'),
        sessions('drugSessions', '禁毒主题班会、讲座次数', 'Drug-prevention class meetings and talks'),
        countField('quizStudents', '参加全国青少年禁毒知识答题学生数', 'Students who took the national drug-education quiz'),
        countField('drugTeachers', '接受禁毒培训教师人数', 'Teachers trained in drug prevention'),
      ],
    },
    {
      id: 'cults',
      title: { zh: '反邪教教育', en: 'Cult prevention' },
      fields: [
        sessions('cultSessions', '反邪教警示教育活动次数', 'Cult-prevention sessions'),
        countField('parentsReached', '发放告家长书或家长会覆盖家长人数', 'Parents reached by letters or meetings'),
        { id: 'activityPhotos', type: 'photo', max: 6, label: { zh: '活动照片', en: 'Photos of the activities' } },
      ],
    },
  ],
  computed: [
    { id: 'quizRate', label: { zh: '禁毒答题参与率', en: 'Quiz participation' }, numerator: ['quizStudents'], denominator: 'enrolled' },
  ],
  rules: [
    { kind: 'lte', left: 'quizStudents', right: 'enrolled' },
    { kind: 'rateChange', rate: 'quizRate', maxPoints: 30 },
  ],
}
