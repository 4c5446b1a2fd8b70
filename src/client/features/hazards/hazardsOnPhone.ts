import { RECTIFICATION_FORM_ID } from '../../../core/forms/hazard-rectification.js'
import type { FormTemplate } from '../../../core/forms/types.js'
import { foundHazards } from '../../../core/hazards.js'
import type { Hazard } from '../../../core/protocol.js'
import type { OutboxRecord } from '../../offline/outbox.js'

/** A hazard as the screens list it: `onPhone` when it exists only in a report not yet delivered. */
export type ShownHazard = Hazard & { readonly onPhone?: true }

/**
 * The hazards the server sent (with what this phone's delivered rectifications changed since),
 * then those found by reports still on their way (queued or
 * sending), derived with the server's own core code and ids, so the school sees at once what it
 * just registered. Once the server holds one (same id), its copy wins; a draft is not yet a report.
 */
export function withHazardsOnPhone(
  pulled: readonly Hazard[],
  records: readonly OutboxRecord[],
  templateOf: (formId: string, version: number) => FormTemplate | undefined,
): ShownHazard[] {
  const known = new Set(pulled.map((hazard) => hazard.id))
  const onPhone = records.flatMap((record): ShownHazard[] => {
    if (record.state !== 'queued' && record.state !== 'sending') return []
    const template = templateOf(record.formId, record.formVersion)
    if (template === undefined) return []
    const at = record.completedAt ?? record.updatedAt
    return foundHazards(record.id, template, record.answers)
      .filter((hazard) => !known.has(hazard.id))
      .map((hazard) => ({
        id: hazard.id,
        schoolId: record.schoolId,
        submissionId: record.id,
        formId: record.formId,
        fieldId: hazard.fieldId,
        description: hazard.description,
        severity: hazard.severity,
        deadline: hazard.deadline,
        status: 'open',
        createdAt: at,
        responsible: hazard.responsible,
        photos: hazard.photos,
        updatedAt: at,
        history: [],
        onPhone: true,
      }))
  })
  return [...pulled.map((hazard) => rectifiedSince(hazard, records)), ...onPhone]
}

/**
 * An open hazard whose rectification the server acknowledged after this copy was pulled reads
 * rectified: the sync pulls again after delivering, but that pull may fail (the line dropped just
 * after the receipt) and the screen must not offer a second rectification the server will refuse.
 * A later reopening (updated after the receipt) is the server's word and wins.
 */
function rectifiedSince(hazard: Hazard, records: readonly OutboxRecord[]): Hazard {
  if (hazard.status !== 'open') return hazard
  const delivered = records.some(
    (record) =>
      record.formId === RECTIFICATION_FORM_ID &&
      record.subjectId === hazard.id &&
      record.state === 'sent' &&
      record.receipt !== undefined &&
      Date.parse(record.receipt.receivedAt) > Date.parse(hazard.updatedAt),
  )
  return delivered ? { ...hazard, status: 'rectified' } : hazard
}
