import { NOTICE_READ_FORM_ID } from '../receipts.js'
import type { FormTemplate } from './types.js'

/** A notice read (已阅) as a submission: subjectId names the notice; who and when come from the envelope. */
export const noticeRead: FormTemplate = {
  id: NOTICE_READ_FORM_ID,
  version: 1,
  kind: 'receipt',
  title: { zh: '通知已阅', en: 'Notice read' },
  sections: [
    {
      id: 'read',
      title: { zh: '已阅', en: 'Read' },
      fields: [{ id: 'readerName', type: 'text', maxLength: 50, label: { zh: '阅读人', en: 'Reader' } }],
    },
  ],
}
