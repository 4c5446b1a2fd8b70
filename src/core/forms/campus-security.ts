import { checkItem, inspectionSummarySection } from './check-item.js'
import { inspectionInfoSection } from './inspection-info.js'
import type { FormTemplate } from './types.js'

/** Security in the three layers the plans name: people (人防), physical (物防), technology (技防). */
export const campusSecurity: FormTemplate = {
  id: 'campus-security',
  version: 1,
  kind: 'inspection',
  title: { zh: '校园治安防范检查（人防 物防 技防）', en: 'Campus security inspection (people, barriers, technology)' },
  sections: [
    inspectionInfoSection,
    {
      id: 'people',
      title: { zh: '人防', en: 'People' },
      fields: [
        checkItem('guards', '按规定配备专职保安，持证上岗，年龄体能符合要求', 'Full-time licensed guards in the required number, fit for duty'),
        checkItem('visitors', '外来人员、车辆登记核实后方可入校', 'Visitors and vehicles checked and registered before entering'),
        checkItem('gateDuty', '上下学时段校门口有领导、教师和保安值守', 'Leaders, teachers and guards at the gate at arrival and dismissal'),
        checkItem('nightPatrol', '夜间和节假日有值班巡逻，记录完整', 'Night and holiday patrols kept and recorded'),
      ],
    },
    {
      id: 'barriers',
      title: { zh: '物防', en: 'Physical barriers' },
      fields: [
        checkItem('gate', '校门设置硬质防冲撞设施（升降柱、隔离墩）', 'Hard anti-ramming barriers at the gate (rising bollards, blocks)'),
        checkItem('guardEquipment', '门卫室配备防暴钢叉、盾牌、头盔、防割手套等器械', 'Guard room has restraint forks, shields, helmets and cut-proof gloves'),
        checkItem('fence', '围墙完好，高度和防攀爬措施符合要求', 'Perimeter wall intact, high enough, with anti-climb measures'),
        checkItem('keyRooms', '财务室、档案室、危化品室等重点部位防盗设施完好', 'Safes, archives and chemical stores have working anti-theft fittings'),
      ],
    },
    {
      id: 'technology',
      title: { zh: '技防', en: 'Technology' },
      fields: [
        checkItem('cctv', '视频监控覆盖校门、周界和重点部位，图像清晰，保存30天以上', 'Cameras cover the gate, perimeter and key areas; clear images kept 30 days or more'),
        checkItem('alarmLink', '一键报警装置与公安机关联网，测试正常', 'Panic button linked to the police and tested'),
        checkItem('intrusionAlarm', '周界入侵报警系统运行正常', 'Perimeter intrusion alarm working'),
        checkItem('securityDrill', '本学期开展防恐防暴应急演练', 'A counter-violence drill was held this term'),
      ],
    },
    inspectionSummarySection,
  ],
}
