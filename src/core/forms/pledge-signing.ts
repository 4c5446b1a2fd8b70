import { PLEDGE_SIGNING_FORM_ID } from '../pledges.js'
import type { FormTemplate } from './types.js'

/**
 * A signed pledge as a submission: the signer's typed name, the SHA-256 of the canonical text
 * they read (core/pledges.ts) and their drawn signature. subjectId names the pledge version.
 */
export const pledgeSigning: FormTemplate = {
  id: PLEDGE_SIGNING_FORM_ID,
  version: 1,
  kind: 'pledge',
  title: { zh: '责任书签署', en: 'Pledge signing' },
  sections: [
    {
      id: 'signing',
      title: { zh: '签署', en: 'Signing' },
      fields: [
        { id: 'signerName', type: 'text', required: true, maxLength: 50, label: { zh: '签署人姓名', en: 'Signer name' } },
        { id: 'textHash', type: 'text', required: true, maxLength: 64, label: { zh: '文本指纹（SHA-256）', en: 'Text fingerprint (SHA-256)' } },
        { id: 'signature', type: 'signature', required: true, label: { zh: '手写签名', en: 'Handwritten signature' } },
      ],
    },
  ],
}
