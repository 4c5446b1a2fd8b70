import { inspectionInfoSection } from './inspection-info.js'
import type { FormTemplate } from './types.js'

export const fireSafety: FormTemplate = {
  id: 'fire-safety',
  version: 1,
  kind: 'inspection',
  title: { zh: '消防安全自查', en: 'Fire safety self-check' },
  sections: [
    inspectionInfoSection,
    {
      id: 'escape',
      title: { zh: '疏散与通道', en: 'Escape routes' },
      fields: [
        { id: 'exits', type: 'check', required: true, points: 10, label: { zh: '消防通道、安全出口畅通，无堵塞、无锁闭', en: 'Fire lanes and emergency exits are clear, not blocked or locked' } },
        { id: 'emergencyLights', type: 'check', required: true, points: 8, label: { zh: '应急照明、疏散指示标志完好有效', en: 'Emergency lighting and exit signs work' } },
        { id: 'drill', type: 'check', required: true, points: 8, label: { zh: '本学期已开展消防疏散演练并有记录', en: 'An evacuation drill was held this term and recorded' } },
      ],
    },
    {
      id: 'equipment',
      title: { zh: '消防设施器材', en: 'Fire equipment' },
      fields: [
        { id: 'extinguishers', type: 'check', required: true, points: 10, label: { zh: '灭火器配置齐全，压力正常，在有效期内', en: 'Fire extinguishers in place, pressure normal, within service date' } },
        { id: 'hydrants', type: 'check', required: true, points: 8, label: { zh: '室内消火栓箱完好，水带、水枪齐全，有水', en: 'Indoor hydrant cabinets intact, hose and nozzle present, water on' } },
        { id: 'alarm', type: 'check', required: true, points: 8, label: { zh: '火灾自动报警系统运行正常，控制室有人值守', en: 'Automatic fire alarm works; control room staffed' } },
        { id: 'miniStation', type: 'check', required: true, points: 6, label: { zh: '微型消防站器材完备，人员到位', en: 'Mini fire station equipped and staffed' } },
      ],
    },
    {
      id: 'sources',
      title: { zh: '用电用气与危险品', en: 'Electricity, gas and hazardous materials' },
      fields: [
        { id: 'wiring', type: 'check', required: true, points: 10, label: { zh: '电气线路规范，无私拉乱接、无老化破损', en: 'Wiring in order: no improvised connections, no worn cables' } },
        { id: 'dormAppliances', type: 'check', required: true, points: 8, label: { zh: '学生宿舍无违规使用大功率电器', en: 'No forbidden high-power appliances in student dormitories' } },
        { id: 'kitchenGas', type: 'check', required: true, points: 8, label: { zh: '食堂燃气管道、阀门无泄漏，燃气报警装置有效', en: 'Canteen gas pipes and valves do not leak; gas detector works' } },
        { id: 'labChemicals', type: 'check', required: true, points: 8, label: { zh: '实验室易燃易爆危险品专柜存放，双人双锁管理', en: 'Lab flammables kept in a dedicated cabinet under two-person, two-lock control' } },
        { id: 'responsibility', type: 'check', required: true, points: 8, label: { zh: '消防安全责任制落实，明确消防安全管理人', en: 'Fire safety duties assigned; a fire safety manager is named' } },
      ],
    },
    {
      id: 'summary',
      title: { zh: '总体情况', en: 'Summary' },
      fields: [
        { id: 'remarks', type: 'text', maxLength: 500, label: { zh: '其他情况说明', en: 'Other remarks' } },
      ],
    },
  ],
}
