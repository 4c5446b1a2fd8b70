import { checkItem, inspectionSummarySection } from './check-item.js'
import { inspectionInfoSection } from './inspection-info.js'
import type { FormTemplate } from './types.js'

export const infectiousDisease: FormTemplate = {
  id: 'infectious-disease',
  version: 1,
  kind: 'inspection',
  title: { zh: '传染病防控工作检查', en: 'Infectious disease control inspection' },
  sections: [
    inspectionInfoSection,
    {
      id: 'system',
      title: { zh: '制度与报告', en: 'Rules and reporting' },
      fields: [
        checkItem('plan', '制定传染病防控应急预案，明确疫情报告人', 'An infectious disease plan exists and names the person who reports outbreaks'),
        checkItem('morningCheck', '落实晨午检制度，记录完整', 'Morning and noon health checks carried out and recorded'),
        checkItem('absenceTracking', '因病缺勤追踪登记，病因及时追查', 'Sick-leave absences followed up and causes traced promptly'),
        checkItem('returnCert', '病愈返校查验复课证明', 'Pupils returning after illness show a fitness certificate'),
        checkItem('vaccination', '新生入学查验预防接种证，及时补种', 'Vaccination records checked at enrolment; missed doses arranged'),
      ],
    },
    {
      id: 'environment',
      title: { zh: '环境与设施', en: 'Environment and facilities' },
      fields: [
        checkItem('ventilation', '教室、宿舍每日通风，公共区域定期消毒，有记录', 'Classrooms and dorms aired daily; shared areas disinfected, recorded'),
        checkItem('handwashing', '洗手设施充足，配备洗手液或肥皂', 'Enough hand-washing points, with soap'),
        checkItem('isolationRoom', '设置临时隔离观察室，物资齐全', 'A temporary isolation room exists and is stocked'),
        checkItem('clinic', '校医室（保健室）配备合格校医或保健人员', 'The school clinic has a qualified doctor or health worker'),
      ],
    },
    {
      id: 'education',
      title: { zh: '健康教育', en: 'Health education' },
      fields: [
        checkItem('healthLessons', '开展季节性传染病防控健康教育', 'Lessons on seasonal infectious diseases held'),
        checkItem('supplies', '储备口罩、消毒剂、体温计等防控物资', 'Masks, disinfectant and thermometers in stock'),
      ],
    },
    inspectionSummarySection,
  ],
}
