/**
 * The built-in 已阅 forms. A read or an acknowledgement travels as a submission with subjectId =
 * the notice or campaign id, like a pledge signature: the outbox already delivers exactly once,
 * offline, with a receipt, so a confirmation needs no second queue and no second endpoint.
 */
export const NOTICE_READ_FORM_ID = 'notice-read'
export const CAMPAIGN_ACK_FORM_ID = 'campaign-ack'

export function isReceiptForm(formId: string): boolean {
  return formId === NOTICE_READ_FORM_ID || formId === CAMPAIGN_ACK_FORM_ID
}
