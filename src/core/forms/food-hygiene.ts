import { checkItem, inspectionSummarySection } from './check-item.js'
import { inspectionInfoSection } from './inspection-info.js'
import type { FormTemplate } from './types.js'

export const foodHygiene: FormTemplate = {
  id: 'food-hygiene',
  version: 1,
  kind: 'inspection',
  title: { zh: '校园食品卫生安全检查', en: 'School food hygiene inspection' },
  sections: [
    inspectionInfoSection,
    {
      id: 'licences',
      title: { zh: '证照与人员', en: 'Licences and staff' },
      fields: [
        checkItem('licence', '食品经营许可证在有效期内并在显著位置公示', 'Food business licence valid and displayed in plain view'),
        checkItem('healthCerts', '从业人员持有效健康证明上岗，每日晨检有记录', 'Kitchen staff hold valid health certificates; daily morning checks recorded'),
        checkItem('foodSafetyOfficer', '配备食品安全管理员，校长（园长）落实食品安全第一责任', 'A food safety officer is named; the principal carries first responsibility'),
      ],
    },
    {
      id: 'purchase',
      title: { zh: '采购与贮存', en: 'Purchasing and storage' },
      fields: [
        checkItem('invoices', '食品及原料索证索票齐全，进货查验记录完整', 'Supplier certificates and invoices kept; intake inspection records complete'),
        checkItem('storage', '库房分类分架、隔墙离地存放，无过期变质食品', 'Store room sorted on shelves off walls and floor; no expired or spoiled food'),
        checkItem('additives', '食品添加剂专人专柜管理，使用有记录', 'Food additives kept in a dedicated cabinet by one person; use recorded'),
        checkItem('pests', '防鼠、防蝇、防虫设施完好（挡鼠板、纱窗、灭蝇灯）', 'Rodent, fly and insect barriers intact (rat boards, screens, fly lamps)'),
      ],
    },
    {
      id: 'processing',
      title: { zh: '加工与留样', en: 'Preparation and samples' },
      fields: [
        checkItem('rawCooked', '生熟分开，刀具、砧板、容器标识清楚分开使用', 'Raw and cooked kept apart; knives, boards and containers marked and separate'),
        checkItem('disinfection', '餐用具清洗消毒到位，保洁柜存放，消毒有记录', 'Tableware cleaned and disinfected, kept in a clean cabinet; disinfection recorded'),
        checkItem('samples', '每餐每样留样不少于125克，冷藏48小时以上，有记录', 'At least 125 g of every dish kept chilled for 48 hours or more, recorded'),
        checkItem('openKitchen', '落实“明厨亮灶”，后厨视频监控正常运行', 'Open kitchen in place; kitchen cameras working'),
        checkItem('accompanyMeal', '学校负责人陪餐制度落实，有陪餐记录', 'School leaders eat with students as required; meal records kept'),
      ],
    },
    inspectionSummarySection,
  ],
}
