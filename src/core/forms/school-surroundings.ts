import { checkItem, inspectionSummarySection } from './check-item.js'
import { inspectionInfoSection } from './inspection-info.js'
import type { FormTemplate } from './types.js'

export const schoolSurroundings: FormTemplate = {
  id: 'school-surroundings',
  version: 1,
  kind: 'inspection',
  title: { zh: '学校周边环境检查', en: 'School surroundings inspection' },
  sections: [
    inspectionInfoSection,
    {
      id: 'businesses',
      title: { zh: '周边经营场所', en: 'Businesses nearby' },
      fields: [
        checkItem('internetCafes', '校园周边200米内无网吧、歌舞娱乐场所', 'No internet cafés or karaoke bars within 200 m of the school'),
        checkItem('tobaccoAlcohol', '周边商店不向未成年人出售烟酒，无烟草销售点紧邻校门', 'Nearby shops do not sell tobacco or alcohol to minors; none by the gate'),
        checkItem('snacks', '周边小卖部无“三无”食品、无低俗玩具和出版物', 'Nearby shops sell no unlabelled snacks, vulgar toys or publications'),
        checkItem('stalls', '校门口无占道经营、流动摊贩', 'No street stalls or hawkers blocking the gate'),
      ],
    },
    {
      id: 'environment',
      title: { zh: '周边环境', en: 'Environment' },
      fields: [
        checkItem('construction', '周边施工工地围挡封闭，无高空坠物隐患', 'Building sites nearby fenced; nothing can fall from height'),
        checkItem('hazardSources', '周边无易燃易爆、有毒有害危险源', 'No flammable, explosive or toxic sources nearby'),
        checkItem('powerLines', '周边无私拉电线、低垂线缆、倾斜电杆', 'No improvised wires, low cables or leaning poles nearby'),
        checkItem('dogs', '周边无流浪犬只聚集', 'No packs of stray dogs nearby'),
        checkItem('policeLink', '与派出所、综治部门建立联防联控机制', 'Joint prevention arranged with the police station and community'),
      ],
    },
    {
      id: 'place',
      title: { zh: '位置', en: 'Place' },
      fields: [{ id: 'siteLocation', type: 'location', label: { zh: '检查地点定位', en: 'Where the check was made' } }],
    },
    inspectionSummarySection,
  ],
}
