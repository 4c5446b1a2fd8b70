import { countField } from './count-field.js'
import type { ChoiceField, FormTemplate } from './types.js'

const complies = (id: string, zh: string, en: string): ChoiceField => ({
  id, type: 'choice', required: true, label: { zh, en },
  options: [
    { value: 'yes', label: { zh: '已落实', en: 'In place' } },
    { value: 'partly', label: { zh: '部分落实', en: 'Partly' } },
    { value: 'no', label: { zh: '未落实', en: 'Not in place' } },
  ],
})

/**
 * 双减 (homework, after-school service, off-campus tutoring), per term, for primary, junior
 * middle and nine-year schools: the policy covers compulsory education only.
 */
export const doubleReduction: FormTemplate = {
  id: 'double-reduction',
  version: 1,
  kind: 'survey',
  period: 'term',
  title: { zh: '“双减”工作落实情况', en: '“Double reduction”: homework, after-school service and tutoring' },
  sections: [
    {
      id: 'homework',
      title: { zh: '作业管理', en: 'Homework' },
      fields: [
        countField('enrolled', '在校生数', 'Students enrolled'),
        complies('homeworkTime', '一、二年级不布置书面家庭作业，三至六年级不超过 60 分钟，初中不超过 90 分钟', 'No written homework in grades 1–2; at most 60 min in grades 3–6, 90 min in junior middle'),
        complies('homeworkPublic', '作业公示制度和年级组作业统筹', 'Homework published and coordinated per grade'),
        { id: 'homeworkChecks', type: 'integer', min: 0, max: 1000, required: true, unit: { zh: '次', en: 'times' }, label: { zh: '本学期作业抽查次数', en: 'Homework spot checks this term' } },
      ],
    },
    {
      id: 'afterSchool',
      title: { zh: '课后服务', en: 'After-school service' },
      fields: [
        countField('afterSchoolStudents', '参加课后服务学生数', 'Students in after-school service'),
        countField('afterSchoolTeachers', '参与课后服务教师数', 'Teachers giving after-school service'),
        complies('fiveTwo', '课后服务“5+2”全覆盖（每周 5 天，每天至少 2 小时）', 'Service 5 days a week, at least 2 hours a day'),
        { id: 'afterSchoolFee', type: 'choice', required: true, label: { zh: '课后服务收费方式', en: 'How after-school service is paid for' }, options: [
          { value: 'free', label: { zh: '免费', en: 'Free' } },
          { value: 'approved', label: { zh: '按物价部门核定标准收费', en: 'Fee approved by the price authority' } },
        ] },
      ],
    },
    {
      id: 'tutoring',
      title: { zh: '校外培训治理', en: 'Off-campus tutoring' },
      fields: [
        countField('tutoredStudents', '摸排发现参加学科类校外培训学生数', 'Students found in off-campus subject tutoring'),
        countField('teacherTutoring', '查处在职教师有偿补课人数', 'Teachers found giving paid private tutoring'),
        complies('parentLetters', '向家长发放“双减”告家长书并签收', 'Letter on double reduction sent to parents and signed for'),
        { id: 'tutoringNote', type: 'text', maxLength: 500, label: { zh: '存在问题及整改措施', en: 'Problems found and what is being done' } },
      ],
    },
  ],
  computed: [
    { id: 'afterSchoolRate', label: { zh: '课后服务参与率', en: 'After-school participation' }, numerator: ['afterSchoolStudents'], denominator: 'enrolled' },
  ],
  rules: [
    { kind: 'lte', left: 'afterSchoolStudents', right: 'enrolled' },
    { kind: 'lte', left: 'tutoredStudents', right: 'enrolled' },
    { kind: 'rateChange', rate: 'afterSchoolRate', maxPoints: 20 },
  ],
}
