import { inspectionInfoSection } from './inspection-info.js'
import type { FormTemplate } from './types.js'

/**
 * Canteen grading: 14 scored items worth 100 points in all. The grade is the score as a share of
 * the applicable points (N/A items drop out), so a canteen without additives is not penalised.
 */
export const canteenGrading: FormTemplate = {
  id: 'canteen-grading',
  version: 1,
  kind: 'canteen',
  title: { zh: '学校食堂等级评定', en: 'School canteen grading' },
  grading: {
    thresholds: [
      { grade: 'A', min: 90 },
      { grade: 'B', min: 75 },
      { grade: 'C', min: 60 },
    ],
  },
  sections: [
    inspectionInfoSection,
    {
      id: 'licences',
      title: { zh: '资质与人员', en: 'Licences and staff' },
      fields: [
        { id: 'licence', type: 'check', required: true, points: 8, label: { zh: '食品经营许可证在有效期内，并在显著位置公示', en: 'Food business licence valid and displayed' } },
        { id: 'healthCerts', type: 'check', required: true, points: 8, label: { zh: '从业人员持有效健康证，每日晨检有记录', en: 'Staff hold valid health certificates; daily morning checks recorded' } },
        { id: 'management', type: 'check', required: true, points: 5, label: { zh: '配备食品安全管理员，管理制度上墙', en: 'A food safety manager is named; rules are posted' } },
      ],
    },
    {
      id: 'purchase',
      title: { zh: '采购与贮存', en: 'Purchasing and storage' },
      fields: [
        { id: 'purchaseRecords', type: 'check', required: true, points: 10, label: { zh: '食品及原料索证索票、进货查验记录完整', en: 'Supplier certificates, invoices and intake checks recorded' } },
        { id: 'storage', type: 'check', required: true, points: 8, label: { zh: '库房分类分架、隔墙离地存放，无过期变质食品', en: 'Store room sorted, off walls and floor; nothing expired or spoiled' } },
        { id: 'additives', type: 'check', required: true, points: 6, label: { zh: '食品添加剂专人、专柜、专用称量，使用有记录', en: 'Additives kept by one person in a locked cabinet, weighed and logged' } },
      ],
    },
    {
      id: 'processing',
      title: { zh: '加工与留样', en: 'Preparation and samples' },
      fields: [
        { id: 'rawCooked', type: 'check', required: true, points: 8, label: { zh: '生熟分开：刀具、砧板、容器分开使用并有标识', en: 'Raw and cooked kept apart: knives, boards and containers separate and marked' } },
        { id: 'disinfection', type: 'check', required: true, points: 10, label: { zh: '餐用具清洗消毒到位，保洁柜正常使用，有消毒记录', en: 'Tableware cleaned and disinfected, kept in a clean cabinet, logged' } },
        { id: 'samples', type: 'check', required: true, points: 10, label: { zh: '每餐每样菜品留样不少于125克，冷藏48小时以上，有记录', en: 'A sample of every dish (at least 125 g) kept chilled 48 h and logged' } },
        { id: 'hygiene', type: 'check', required: true, points: 5, label: { zh: '加工场所整洁，地面无积水，排水通畅', en: 'Kitchen clean, no standing water, drains clear' } },
      ],
    },
    {
      id: 'oversight',
      title: { zh: '设施与监督', en: 'Facilities and oversight' },
      fields: [
        { id: 'pestControl', type: 'check', required: true, points: 6, label: { zh: '防鼠、防蝇、防虫设施完好有效', en: 'Rodent, fly and insect screens and traps in working order' } },
        { id: 'openKitchen', type: 'check', required: true, points: 6, label: { zh: '明厨亮灶：加工操作区透明可视或视频监控', en: 'Open kitchen: preparation visible or on camera' } },
        { id: 'accompany', type: 'check', required: true, points: 6, label: { zh: '学校负责人陪餐，有陪餐记录', en: 'School leaders eat with the students and log it' } },
        { id: 'kitchenWaste', type: 'check', required: true, points: 4, label: { zh: '餐厨废弃物分类存放、及时清运，有台账', en: 'Kitchen waste sorted, removed promptly, logged' } },
      ],
    },
    {
      id: 'fees',
      title: { zh: '伙食费', en: 'Meal fees' },
      fields: [
        {
          id: 'mealFeeShare',
          type: 'number',
          min: 0,
          max: 100,
          unit: { zh: '%', en: '%' },
          label: { zh: '本学期伙食费入口率', en: 'Share of meal fees spent on food this term' },
          help: { zh: '用于购买食材的金额占学生伙食费的比例', en: 'Money spent on food as a share of the meal fees paid' },
        },
        { id: 'remarks', type: 'text', maxLength: 500, label: { zh: '其他情况说明', en: 'Other remarks' } },
      ],
    },
  ],
}
