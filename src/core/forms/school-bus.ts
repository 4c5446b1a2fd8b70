import { checkItem, inspectionSummarySection } from './check-item.js'
import { inspectionInfoSection } from './inspection-info.js'
import type { FormTemplate } from './types.js'

export const schoolBus: FormTemplate = {
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
