import { checkItem, inspectionSummarySection } from './check-item.js'
import { inspectionInfoSection } from './inspection-info.js'
import type { FormTemplate } from './types.js'

export const drinkingWater: FormTemplate = {
  id: 'drinking-water',
  version: 1,
  kind: 'inspection',
  title: { zh: '饮用水安全检查', en: 'Drinking water safety inspection' },
  sections: [
    inspectionInfoSection,
    {
      id: 'supply',
      title: { zh: '供水设施', en: 'Water supply' },
      fields: [
        checkItem('source', '水源为合格的集中式供水，自备水源有卫生许可', 'Water comes from a licensed mains supply; a private source has a hygiene permit'),
        checkItem('tank', '二次供水水箱（池）加盖加锁，周边无污染源', 'Storage tanks covered and locked, no pollution nearby'),
        checkItem('tankCleaning', '水箱每半年至少清洗消毒一次，有记录', 'Tanks cleaned and disinfected at least every six months, recorded'),
        checkItem('waterTest', '每学期开展水质检测，检测报告合格并存档', 'Water quality tested each term; passing reports on file'),
      ],
    },
    {
      id: 'dispensers',
      title: { zh: '饮水设备', en: 'Drinking equipment' },
      fields: [
        checkItem('dispenserPermit', '直饮水机、开水器有卫生许可批件，摆放安全', 'Drinking fountains and boilers have hygiene approval and stand safely'),
        checkItem('filters', '滤芯按期更换，有更换记录', 'Filters replaced on schedule, recorded'),
        checkItem('boilerGuard', '开水器防烫伤措施和警示标识到位', 'Boilers have scald guards and warning signs'),
        checkItem('bottledWater', '桶装水供应商资质齐全，饮水机定期清洗消毒', 'Bottled water supplier licensed; dispensers cleaned and disinfected regularly'),
      ],
    },
    {
      id: 'management',
      title: { zh: '管理制度', en: 'Management' },
      fields: [
        checkItem('keeper', '供水设施有专人管理，管理人员持健康证明', 'One person looks after the water supply and holds a health certificate'),
        checkItem('emergencyPlan', '制定饮用水污染应急预案，发现异常立即停用并报告', 'A contamination plan exists: stop use and report at once when anything is wrong'),
      ],
    },
    inspectionSummarySection,
  ],
}
