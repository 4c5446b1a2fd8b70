import type { Section } from './types.js'

/** How an inspection happened: every inspection template opens with this section. */
export const inspectionInfoSection: Section = {
  id: 'info',
  title: { zh: '检查信息', en: 'About this inspection' },
  fields: [
    {
      id: 'checkType',
      type: 'choice',
      required: true,
      label: { zh: '检查方式', en: 'Type of inspection' },
      options: [
        { value: 'self', label: { zh: '学校自查', en: 'School self-check' } },
        { value: 'mutual', label: { zh: '校际互查', en: 'Mutual check between schools' } },
        { value: 'bureau', label: { zh: '部门督查', en: 'Bureau supervision' } },
      ],
    },
    { id: 'inspector', type: 'text', required: true, maxLength: 50, label: { zh: '检查人', en: 'Inspector' } },
    { id: 'checkDate', type: 'date', required: true, label: { zh: '检查日期', en: 'Date of inspection' } },
  ],
}
