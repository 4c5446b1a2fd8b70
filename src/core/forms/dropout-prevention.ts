import { countField } from './count-field.js'
import type { FormTemplate } from './types.js'

/**
 * 控辍保学, monthly, compulsory education only (primary, junior middle, nine-year, special):
 * every dropout is either persuaded back (劝返) or still out, so the two add up.
 */
export const dropoutPrevention: FormTemplate = {
  id: 'dropout-prevention',
  version: 1,
  kind: 'survey',
  period: 'month',
  title: { zh: '控辍保学月报', en: 'Dropout prevention (monthly)' },
  sections: [
    {
      id: 'counts',
      title: { zh: '辍学与劝返', en: 'Dropouts and returns' },
      fields: [
        countField('enrolled', '在籍学生数', 'Students on the roll'),
        countField('dropouts', '本月新增辍学（含长期未到校）人数', 'New dropouts this month (incl. long absences)'),
        countField('returned', '已劝返复学人数', 'Persuaded back to school'),
        countField('stillOut', '尚未劝返人数', 'Not yet back'),
        countField('sickLeave', '因病休学人数', 'On sick leave'),
        countField('homeTaught', '送教上门人数', 'Taught at home'),
      ],
    },
    {
      id: 'followUp',
      title: { zh: '跟踪措施', en: 'Follow-up' },
      fields: [
        { id: 'measures', type: 'text', maxLength: 500, label: { zh: '未劝返学生的劝返措施及责任人', en: 'What is being done for those not back, and by whom' } },
      ],
    },
  ],
  computed: [
    { id: 'returnRate', label: { zh: '劝返率', en: 'Return rate' }, numerator: ['returned'], denominator: 'dropouts' },
  ],
  rules: [
    { kind: 'sum', parts: ['returned', 'stillOut'], total: 'dropouts' },
    { kind: 'lte', left: 'dropouts', right: 'enrolled' },
    { kind: 'lte', left: 'sickLeave', right: 'enrolled' },
    { kind: 'lte', left: 'homeTaught', right: 'enrolled' },
  ],
}
