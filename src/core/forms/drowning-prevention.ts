import { checkItem, inspectionSummarySection } from './check-item.js'
import { inspectionInfoSection } from './inspection-info.js'
import type { FormTemplate } from './types.js'

export const drowningPrevention: FormTemplate = {
  id: 'drowning-prevention',
  version: 1,
  kind: 'inspection',
  title: { zh: '防溺水安全检查', en: 'Drowning prevention inspection' },
  sections: [
    inspectionInfoSection,
    {
      id: 'waters',
      title: { zh: '周边水域', en: 'Waters nearby' },
      fields: [
        { id: 'waterName', type: 'text', maxLength: 100, label: { zh: '水域名称（河流、池塘、水库等）', en: 'Name of the water (river, pond, reservoir…)' } },
        checkItem('waterSurvey', '已排查学校周边危险水域并建立台账', 'Dangerous waters near the school surveyed and listed'),
        checkItem('warningSigns', '危险水域设置警示牌、防护栏', 'Warning signs and barriers at dangerous waters'),
        checkItem('rescueGear', '重点水域配备救生圈、救生杆、救生绳等救援器材', 'Life rings, rescue poles and ropes at the main waters'),
        checkItem('patrol', '节假日、暑期与村（社区）落实巡查看护', 'Patrols with the village or community on holidays and in summer'),
        { id: 'waterLocation', type: 'location', label: { zh: '水域定位', en: 'Location of the water' } },
      ],
    },
    {
      id: 'education',
      title: { zh: '教育与家校', en: 'Education and families' },
      fields: [
        checkItem('sixNo', '开展“六不”防溺水专题教育，学生知晓率高', 'Lessons on the "six don\'ts" held; pupils know them'),
        checkItem('parentLetter', '《致家长的一封信》发放回收率100%', 'Letters to parents handed out and all returned signed'),
        checkItem('homeVisits', '对留守儿童等重点学生落实家访和监护责任', 'Home visits for left-behind and other at-risk children; guardians named'),
        checkItem('holidayReminder', '放假前安全提醒到位，班级群每日提醒', 'Safety reminders before holidays; daily reminders in class groups'),
        checkItem('swimDrill', '开展防溺水自救互救知识培训或演练', 'Self-rescue and rescue training or drills held'),
      ],
    },
    inspectionSummarySection,
  ],
}
