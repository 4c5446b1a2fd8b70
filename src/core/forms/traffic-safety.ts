import { checkItem, inspectionSummarySection } from './check-item.js'
import { inspectionInfoSection } from './inspection-info.js'
import type { FormTemplate } from './types.js'

export const trafficSafety: FormTemplate = {
  id: 'traffic-safety',
  version: 1,
  kind: 'inspection',
  title: { zh: '校园周边交通安全检查', en: 'Traffic safety around the school' },
  sections: [
    inspectionInfoSection,
    {
      id: 'road',
      title: { zh: '道路设施', en: 'Road facilities' },
      fields: [
        checkItem('signs', '校门口道路设置学校区域、限速、禁止鸣笛等标志', 'School zone, speed limit and no-horn signs on the road by the gate'),
        checkItem('crossing', '校门口有人行横道线，必要时设置信号灯', 'A zebra crossing by the gate, with signals where needed'),
        checkItem('speedBumps', '减速带、护栏、隔离桩设置到位', 'Speed bumps, guard rails and bollards in place'),
        checkItem('dropOff', '接送车辆停放区与学生通道分开，不占道', 'Parent pick-up area separate from the pupils\' path and off the road'),
      ],
    },
    {
      id: 'duty',
      title: { zh: '护学与教育', en: 'Escorts and education' },
      fields: [
        checkItem('guards', '上下学高峰有“护学岗”，交警、教师、家长志愿者到岗', 'Crossing guards at peak times: traffic police, teachers and parent volunteers present'),
        checkItem('staggered', '错峰放学、分批离校有序', 'Staggered dismissal runs in order'),
        checkItem('noIllegalVehicles', '排查学生乘坐“三无”车辆、超员车辆等非法营运车辆', 'Checked that pupils do not ride unlicensed or overloaded vehicles'),
        checkItem('eBikes', '未满年龄学生不骑电动车，骑车上学有登记管理', 'Under-age pupils do not ride e-bikes; cycling to school is registered'),
        checkItem('education', '本学期开展交通安全教育，签订家长告知书', 'Traffic safety lessons held this term; parent notices signed'),
      ],
    },
    {
      id: 'place',
      title: { zh: '位置', en: 'Place' },
      fields: [{ id: 'gateLocation', type: 'location', label: { zh: '校门口定位', en: 'Location of the gate' } }],
    },
    inspectionSummarySection,
  ],
}
