import { checkItem, inspectionSummarySection } from './check-item.js'
import { inspectionInfoSection } from './inspection-info.js'
import type { FormTemplate } from './types.js'

export const psychologicalCrisis: FormTemplate = {
  id: 'psychological-crisis',
  version: 1,
  kind: 'inspection',
  title: { zh: '学生心理危机预防与干预检查', en: 'Student psychological crisis prevention inspection' },
  sections: [
    inspectionInfoSection,
    {
      id: 'system',
      title: { zh: '工作机制', en: 'Arrangements' },
      fields: [
        checkItem('counsellor', '配备专（兼）职心理健康教师，持证上岗', 'Full- or part-time mental health teachers with certificates'),
        checkItem('counsellingRoom', '心理辅导室建设达标，按时开放', 'Counselling room to standard and open as scheduled'),
        checkItem('crisisPlan', '制定心理危机干预预案，明确责任人和转介流程', 'A crisis plan names who acts and how pupils are referred'),
        checkItem('screening', '每学年开展心理健康测评并建立档案', 'Yearly mental health screening, records kept'),
      ],
    },
    {
      id: 'attention',
      title: { zh: '重点关注', en: 'Pupils at risk' },
      fields: [
        checkItem('riskList', '建立重点关注学生名单，一生一策，动态更新', 'A list of pupils at risk with one plan each, kept up to date'),
        checkItem('classWatch', '班主任、心理委员日常观察，异常情况及时上报', 'Class teachers and peer monitors watch daily and report concerns at once'),
        checkItem('familyLink', '与重点学生家长保持沟通，落实家校共育', 'Regular contact with the families of pupils at risk'),
        checkItem('referral', '与医疗机构建立转介绿色通道', 'A fast referral route to health services'),
      ],
    },
    {
      id: 'environment',
      title: { zh: '环境与教育', en: 'Environment and education' },
      fields: [
        checkItem('highPlaces', '教学楼高层窗户、天台等部位有防护措施', 'Upper-floor windows and roofs have guards'),
        checkItem('lessons', '开设心理健康教育课，开展生命教育活动', 'Mental health and life education lessons held'),
        checkItem('bullying', '开展学生欺凌排查，有投诉渠道和处置记录', 'Bullying checks made; a complaint channel and handling records exist'),
      ],
    },
    inspectionSummarySection,
  ],
}
