import { checkItem, inspectionSummarySection } from './check-item.js'
import { inspectionInfoSection } from './inspection-info.js'
import type { FormTemplate } from './types.js'

export const hazardousMaterials: FormTemplate = {
  id: 'hazardous-materials',
  version: 1,
  kind: 'inspection',
  title: { zh: '危险化学品及高危物品检查', en: 'Hazardous materials inspection (lab chemicals)' },
  sections: [
    inspectionInfoSection,
    {
      id: 'storage',
      title: { zh: '存放', en: 'Storage' },
      fields: [
        checkItem('store', '危化品设专用仓库或专柜，通风、防火、防盗', 'Chemicals in a dedicated store or cabinet: ventilated, fire-safe, locked'),
        checkItem('twoLocks', '易制毒、易制爆化学品落实“双人双锁”管理', 'Precursor and explosive-precursor chemicals kept under two-person, two-lock control'),
        checkItem('separation', '性质相抵触的化学品分类分开存放', 'Incompatible chemicals stored apart by class'),
        checkItem('labels', '试剂标签清楚，无过期、无来源不明试剂', 'Reagents clearly labelled; none expired or of unknown origin'),
      ],
    },
    {
      id: 'records',
      title: { zh: '台账', en: 'Records' },
      fields: [
        checkItem('ledger', '购买、领用、归还、使用台账清楚，账物相符', 'Purchase, issue, return and use ledgers clear; stock matches the books'),
        checkItem('purchase', '从有资质单位采购，剧毒品按规定备案', 'Bought from licensed suppliers; highly toxic items registered as required'),
        checkItem('waste', '实验废液、废弃物分类收集，交有资质单位处置', 'Lab waste collected by type and handed to a licensed disposer'),
      ],
    },
    {
      id: 'use',
      title: { zh: '使用与应急', en: 'Use and emergencies' },
      fields: [
        checkItem('labRules', '实验室安全制度上墙，学生实验有教师全程指导', 'Lab safety rules posted; teachers supervise every pupil experiment'),
        checkItem('ppe', '配备护目镜、防护手套、洗眼器、喷淋装置', 'Goggles, gloves, eye-wash and safety shower provided'),
        checkItem('spillKit', '配备灭火毯、沙箱、吸附材料等应急器材', 'Fire blanket, sand box and spill absorbents at hand'),
        checkItem('otherHazards', '其他高危物品（燃气瓶、农药、管制刀具等）专人管理', 'Other high-risk items (gas cylinders, pesticides, blades) looked after by a named person'),
      ],
    },
    inspectionSummarySection,
  ],
}
