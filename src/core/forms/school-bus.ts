import { checkItem, inspectionSummarySection } from './check-item.js'
import { inspectionInfoSection } from './inspection-info.js'
import type { FormTemplate } from './types.js'

/** Version 1: one report per bus. Kept so reports filed against it still validate and export. */
export const schoolBusV1: FormTemplate = {
  id: 'school-bus',
  version: 1,
  kind: 'inspection',
  title: { zh: '校车安全检查', en: 'School bus safety inspection' },
  sections: [
    inspectionInfoSection,
    {
      id: 'vehicle',
      title: { zh: '车辆', en: 'Vehicle' },
      fields: [
        { id: 'plate', type: 'text', required: true, maxLength: 20, label: { zh: '车牌号', en: 'Number plate' } },
        checkItem('busPermit', '校车使用许可证、标牌齐全有效，按核定线路运行', 'School bus permit and sign valid; runs on the approved route'),
        checkItem('annualCheck', '车辆按期年检、保险齐全，无报废拼装车', 'Annual vehicle inspection and insurance up to date; no scrapped or rebuilt vehicles'),
        checkItem('safetyKit', '灭火器、安全锤、急救箱配备齐全，应急门开启正常', 'Extinguisher, safety hammers and first-aid kit on board; emergency door opens'),
        checkItem('gps', '卫星定位装置和车内视频监控运行正常', 'GPS tracker and in-bus cameras working'),
        checkItem('seatbelts', '座位与安全带完好，一人一座，不超员', 'Seats and seat belts intact; one child per seat, never overloaded'),
      ],
    },
    {
      id: 'people',
      title: { zh: '驾驶人与照管员', en: 'Driver and escort' },
      fields: [
        checkItem('driverLicence', '驾驶人取得校车驾驶资格，无违法记分超标记录', 'Driver qualified for school buses; no excess penalty points'),
        checkItem('escort', '每车配备随车照管人员，上下车清点人数并签字', 'An escort rides every bus and counts children on and off, signed'),
        checkItem('noDrink', '出车前检查驾驶人身体状况，严禁酒后、疲劳驾驶', 'Driver fitness checked before each run; no drink or tired driving'),
      ],
    },
    {
      id: 'operation',
      title: { zh: '运行管理', en: 'Operation' },
      fields: [
        checkItem('preTripCheck', '每日出车前安全检查有记录', 'Daily pre-trip safety check recorded'),
        checkItem('stops', '停靠站点设置合理，有安全提示标志', 'Stops placed sensibly with safety signs'),
        checkItem('busDrill', '本学期开展校车应急疏散演练', 'A school bus evacuation drill was held this term'),
        { id: 'busLocation', type: 'location', label: { zh: '检查地点定位', en: 'Where the bus was checked' } },
      ],
    },
    inspectionSummarySection,
  ],
}

const yesNo = [
  { value: 'yes', label: { zh: '是', en: 'Yes' } },
  { value: 'no', label: { zh: '否', en: 'No' } },
]

/**
 * Version 2: one report per school with a repeat per bus (each bus's own items and hazards), the
 * fleet's totals calculated, and a boarders' section asked only of schools with boarders.
 */
export const schoolBus: FormTemplate = {
  id: 'school-bus',
  version: 2,
  kind: 'inspection',
  title: { zh: '校车安全检查', en: 'School bus safety inspection' },
  sections: [
    inspectionInfoSection,
    {
      id: 'fleet',
      title: { zh: '学校情况', en: 'The school' },
      fields: [
        { id: 'boarders', type: 'choice', required: true, options: yesNo, label: { zh: '学校是否有寄宿生', en: 'Does the school have boarders?' } },
        { id: 'ridersTotal', type: 'integer', required: true, min: 0, unit: { zh: '人', en: 'pupils' }, label: { zh: '乘坐校车的学生总数', en: 'Pupils who ride school buses' } },
      ],
    },
    {
      id: 'buses',
      title: { zh: '逐车检查', en: 'Bus by bus' },
      repeat: { min: 1, max: 30, label: { zh: '校车', en: 'Bus' } },
      fields: [
        { id: 'plate', type: 'text', required: true, maxLength: 20, label: { zh: '车牌号', en: 'Number plate' }, help: { zh: '按机动车行驶证填写，如 浙A12345', en: 'As on the vehicle licence, e.g. 浙A12345' } },
        { id: 'seats', type: 'integer', required: true, min: 1, max: 80, unit: { zh: '座', en: 'seats' }, label: { zh: '核定座位数', en: 'Approved seats' } },
        { id: 'riders', type: 'integer', required: true, min: 0, unit: { zh: '人', en: 'pupils' }, label: { zh: '本车乘车学生数', en: 'Pupils on this bus' } },
        {
          id: 'loadRate', type: 'calculate', unit: { zh: '%', en: '%' }, label: { zh: '满载率', en: 'Load' },
          expression: { op: 'round', digits: 1, arg: { op: '*', args: [{ op: '/', args: [{ field: 'riders' }, { field: 'seats' }] }, 100] } },
        },
        checkItem('busPermit', '校车使用许可证、标牌齐全有效，按核定线路运行', 'School bus permit and sign valid; runs on the approved route'),
        checkItem('annualCheck', '车辆按期年检、保险齐全，无报废拼装车', 'Annual vehicle inspection and insurance up to date; no scrapped or rebuilt vehicles'),
        checkItem('driverLicence', '驾驶人取得校车驾驶资格，无违法记分超标记录', 'Driver qualified for school buses; no excess penalty points'),
        checkItem('safetyKit', '灭火器、安全锤、急救箱配备齐全，应急门开启正常', 'Extinguisher, safety hammers and first-aid kit on board; emergency door opens'),
        checkItem('seatbelts', '座位与安全带完好，一人一座，不超员', 'Seats and seat belts intact; one child per seat, never overloaded'),
        { id: 'busPhotos', type: 'photo', max: 3, label: { zh: '车辆照片', en: 'Photos of the bus' } },
      ],
    },
    {
      id: 'operation',
      title: { zh: '运行管理', en: 'Operation' },
      fields: [
        { id: 'busCount', type: 'calculate', unit: { zh: '辆', en: 'buses' }, label: { zh: '校车数量', en: 'Buses' }, expression: { op: 'count', repeat: 'buses' } },
        { id: 'seatTotal', type: 'calculate', unit: { zh: '座', en: 'seats' }, label: { zh: '核定座位合计', en: 'Approved seats in all' }, expression: { op: 'sum', repeat: 'buses', field: 'seats' } },
        checkItem('escort', '每车配备随车照管人员，上下车清点人数并签字', 'An escort rides every bus and counts children on and off, signed'),
        checkItem('preTripCheck', '每日出车前安全检查有记录', 'Daily pre-trip safety check recorded'),
        checkItem('busDrill', '本学期开展校车应急疏散演练', 'A school bus evacuation drill was held this term'),
        { id: 'busLocation', type: 'location', label: { zh: '检查地点定位', en: 'Where the buses were checked' } },
      ],
    },
    {
      id: 'boarding',
      title: { zh: '寄宿生接送', en: 'Boarders' },
      relevant: { op: 'eq', field: 'boarders', value: 'yes' },
      fields: [
        checkItem('boarderHandover', '寄宿生周末返家、返校接送有专人照管，与家长交接有记录', 'Boarders travelling home and back at weekends are escorted; the handover to parents is recorded'),
        checkItem('boarderRoster', '寄宿生乘车名单逐车登记，与宿舍管理员核对', 'Boarders on each bus listed and checked with the dormitory staff'),
      ],
    },
    inspectionSummarySection,
  ],
}
