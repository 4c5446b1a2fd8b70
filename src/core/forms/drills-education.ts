import { countField } from './count-field.js'
import type { FormTemplate } from './types.js'

const times = { zh: '次', en: 'times' }
const personTimes = { zh: '人次', en: 'person-times' }

/** 应急演练 by kind and 安全教育 sessions held this term. */
export const drillsEducation: FormTemplate = {
  id: 'drills-education',
  version: 1,
  kind: 'survey',
  period: 'term',
  title: { zh: '应急演练与安全教育统计', en: 'Emergency drills and safety education' },
  sections: [
    {
      id: 'drills',
      title: { zh: '应急演练', en: 'Emergency drills' },
      fields: [
        countField('drillsTotal', '演练总次数', 'Drills in all', { unit: times }),
        countField('fireDrills', '消防疏散演练', 'Fire evacuation drills', { unit: times }),
        countField('earthquakeDrills', '防震减灾演练', 'Earthquake drills', { unit: times }),
        countField('otherDrills', '其他演练（防溺水、防暴等）', 'Other drills (drowning, intruders…)', { unit: times }),
        countField('drillParticipants', '参与师生', 'Students and staff taking part', { unit: personTimes }),
      ],
    },
    {
      id: 'education',
      title: { zh: '安全教育', en: 'Safety education' },
      fields: [
        countField('sessions', '安全教育课/专题活动', 'Safety lessons and events', { unit: times }),
        countField('sessionParticipants', '受教育学生', 'Students reached', { unit: personTimes }),
        countField('parentSessions', '致家长信/家长会安全提醒', 'Safety letters or talks to parents', { unit: times, required: false }),
      ],
    },
  ],
  rules: [{ kind: 'sum', parts: ['fireDrills', 'earthquakeDrills', 'otherDrills'], total: 'drillsTotal' }],
}
