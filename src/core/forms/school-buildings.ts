import { checkItem, inspectionSummarySection } from './check-item.js'
import { inspectionInfoSection } from './inspection-info.js'
import type { FormTemplate } from './types.js'

export const schoolBuildings: FormTemplate = {
  id: 'school-buildings',
  version: 1,
  kind: 'inspection',
  title: { zh: '校舍安全检查', en: 'School buildings safety inspection' },
  sections: [
    inspectionInfoSection,
    {
      id: 'structure',
      title: { zh: '房屋结构', en: 'Structure' },
      fields: [
        checkItem('noDangerous', '无C、D级危房在用，危房已封闭并设警示', 'No grade C or D unsafe building in use; unsafe ones sealed off with warnings'),
        checkItem('cracks', '墙体、梁柱无明显裂缝、倾斜、沉降', 'No visible cracks, tilt or settling in walls, beams and columns'),
        checkItem('roof', '屋面无渗漏，吊顶、外墙饰面无脱落隐患', 'Roofs do not leak; ceilings and facade cladding not coming loose'),
        checkItem('appraisal', '校舍安全鉴定资料齐全，改扩建有验收手续', 'Building safety appraisals on file; extensions approved and accepted'),
      ],
    },
    {
      id: 'fixtures',
      title: { zh: '楼道与设施', en: 'Stairs and fixtures' },
      fields: [
        checkItem('railings', '楼梯扶手、走廊和阳台栏杆牢固，高度符合要求', 'Stair handrails and balcony railings firm and of the required height'),
        checkItem('stairs', '楼梯踏步完好防滑，上下学时段有教师值守疏导', 'Stair treads intact and non-slip; teachers on duty at arrival and dismissal'),
        checkItem('windows', '门窗、玻璃完好，高层窗户有限位装置', 'Doors, windows and glass intact; upper-floor windows have opening limiters'),
        checkItem('playground', '围墙、挡土墙、操场设施和体育器材稳固', 'Fences, retaining walls, playground and sports equipment firm'),
        checkItem('lightning', '防雷设施按期检测合格', 'Lightning protection tested on schedule and passed'),
      ],
    },
    {
      id: 'utilities',
      title: { zh: '水电与宿舍', en: 'Utilities and dormitories' },
      fields: [
        checkItem('electrical', '配电房、配电箱上锁，线路无裸露老化', 'Switch rooms and boxes locked; no bare or ageing wires'),
        checkItem('dormitory', '学生宿舍无通铺，床铺护栏牢固，夜间有人值守', 'No shared sleeping platforms; bunk guards firm; staff on duty at night'),
        checkItem('constructionSite', '校内施工区域封闭隔离，与师生活动区分开', 'Building works on campus fenced off from students and staff'),
      ],
    },
    inspectionSummarySection,
  ],
}
