import type { FormTemplate } from '../../../core/forms/types.js'
import { foundHazards } from '../../../core/hazards.js'
import type { Hazard } from '../../../core/protocol.js'
import type { OutboxRecord } from '../../offline/outbox.js'

/** A hazard as the screens list it: `onPhone` when it exists only in a report not yet delivered. */
export type ShownHazard = Hazard & { readonly onPhone?: true }

/**
 * The hazards the server sent, then those found by reports still on their way (queued or
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
  return [...pulled, ...onPhone]
}
