import { countField } from './count-field.js'
import type { FormTemplate } from './types.js'

/**
 * 每年一次健康体检 and 脊柱侧弯筛查 (spinal curvature screening), for every school kind from
 * primary up; suspected cases are referred for diagnosis.
 */
export const healthCheckup: FormTemplate = {
  id: 'health-checkup',
  version: 1,
  kind: 'survey',
  period: 'year',
  title: { zh: '学生健康体检与脊柱侧弯筛查', en: 'Student health check and spinal curvature screening' },
  sections: [
    {
      id: 'checkup',
      title: { zh: '健康体检', en: 'Health check' },
      fields: [
        countField('enrolled', '在校生数', 'Students enrolled'),
        countField('examined', '完成健康体检人数', 'Students given a health check'),
        countField('abnormal', '体检发现异常人数', 'Students with findings'),
        countField('notified', '已书面告知家长人数', 'Parents told in writing'),
        { id: 'checkupDate', type: 'date', required: true, label: { zh: '体检完成日期', en: 'Health checks completed on' } },
        { id: 'provider', type: 'text', required: true, maxLength: 100, label: { zh: '体检机构', en: 'Health check provider' } },
      ],
    },
    {
      id: 'spine',
      title: { zh: '脊柱侧弯筛查', en: 'Spinal screening' },
      fields: [
        countField('spineScreened', '脊柱侧弯筛查人数', 'Students screened for spinal curvature'),
        countField('spineSuspected', '筛查阳性（疑似脊柱侧弯）人数', 'Suspected spinal curvature'),
        countField('spineReferred', '已转诊复查人数', 'Referred for diagnosis'),
      ],
    },
  ],
  computed: [
    { id: 'checkupRate', label: { zh: '体检率', en: 'Health check coverage' }, numerator: ['examined'], denominator: 'enrolled' },
    { id: 'spineRate', label: { zh: '脊柱侧弯筛查阳性率', en: 'Suspected spinal curvature rate' }, numerator: ['spineSuspected'], denominator: 'spineScreened' },
  ],
  rules: [
    { kind: 'lte', left: 'examined', right: 'enrolled' },
    { kind: 'lte', left: 'abnormal', right: 'examined' },
    { kind: 'lte', left: 'notified', right: 'abnormal' },
    { kind: 'lte', left: 'spineScreened', right: 'enrolled' },
    { kind: 'lte', left: 'spineSuspected', right: 'spineScreened' },
    { kind: 'lte', left: 'spineReferred', right: 'spineSuspected' },
    { kind: 'rateChange', rate: 'spineRate', maxPoints: 5 },
  ],
}
