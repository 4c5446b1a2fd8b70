import { countField } from './count-field.js'
import type { FormTemplate } from './types.js'

const personTimes = { zh: '人次', en: 'person-times' }

/** Teachers trained (人次, one teacher may count several times) and 持证率. */
export const teacherTraining: FormTemplate = {
  id: 'teacher-training',
  version: 1,
  kind: 'survey',
  period: 'year',
  title: { zh: '教师培训与持证统计', en: 'Teacher training and certification' },
  sections: [
    {
      id: 'staff',
      title: { zh: '教师', en: 'Teachers' },
      fields: [
        countField('teachers', '专任教师数', 'Full-time teachers'),
        countField('certified', '持教师资格证人数', 'Holding a teaching certificate'),
        countField('trainedTeachers', '本年度参加培训教师', 'Teachers trained this year'),
      ],
    },
    {
      id: 'training',
      title: { zh: '培训', en: 'Training' },
      fields: [
        countField('trainingTimes', '参加培训', 'Training attended', { unit: personTimes }),
        countField('safetyTrainingTimes', '其中安全培训', 'Of which safety training', { unit: personTimes }),
      ],
    },
  ],
  computed: [
    { id: 'certifiedRate', label: { zh: '持证率', en: 'Certified share' }, numerator: ['certified'], denominator: 'teachers' },
    { id: 'trainedRate', label: { zh: '参训率', en: 'Share trained' }, numerator: ['trainedTeachers'], denominator: 'teachers' },
  ],
  rules: [
    { kind: 'lte', left: 'certified', right: 'teachers' },
    { kind: 'lte', left: 'trainedTeachers', right: 'teachers' },
    { kind: 'lte', left: 'trainedTeachers', right: 'trainingTimes' },
    { kind: 'lte', left: 'safetyTrainingTimes', right: 'trainingTimes' },
    { kind: 'rateChange', rate: 'certifiedRate', maxPoints: 15 },
  ],
}
