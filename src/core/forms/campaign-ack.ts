import { CAMPAIGN_ACK_FORM_ID } from '../receipts.js'
import type { FormTemplate } from './types.js'

/** A campaign's 部署 acknowledged (已阅) by a school: subjectId names the campaign. */
export const campaignAck: FormTemplate = {
  id: CAMPAIGN_ACK_FORM_ID,
  version: 1,
  kind: 'receipt',
  title: { zh: '专项检查已阅', en: 'Campaign acknowledged' },
  sections: [
    {
      id: 'ack',
      title: { zh: '已阅', en: 'Acknowledged' },
      fields: [{ id: 'readerName', type: 'text', maxLength: 50, label: { zh: '确认人', en: 'Confirmed by' } }],
    },
  ],
}
