import type { FormTemplate } from './types.js'

/** The id the server recognises as a rectification: subjectId names the hazard it fixes. */
export const RECTIFICATION_FORM_ID = 'hazard-rectification'

/** What the school sends when a hazard is fixed (整改): what was done, by whom, with photos. */
export const hazardRectification: FormTemplate = {
  id: RECTIFICATION_FORM_ID,
  version: 1,
  kind: 'rectification',
  title: { zh: '隐患整改反馈', en: 'Hazard rectification' },
  sections: [
    {
      id: 'rectification',
      title: { zh: '整改情况', en: 'What was done' },
      fields: [
        { id: 'measures', type: 'text', required: true, maxLength: 500, label: { zh: '整改措施及结果', en: 'Measures taken and result' } },
        { id: 'rectifiedBy', type: 'text', required: true, maxLength: 50, label: { zh: '整改责任人', en: 'Person responsible' } },
        { id: 'rectifiedOn', type: 'date', required: true, label: { zh: '整改完成日期', en: 'Date completed' } },
        { id: 'evidence', type: 'photo', max: 9, label: { zh: '整改后照片', en: 'Photos after rectification' } },
      ],
    },
  ],
}
