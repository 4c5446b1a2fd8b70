import type { Kysely } from 'kysely'
import type { FormTemplate } from '../../core/forms/types.js'
import { foundHazards } from '../../core/hazards.js'
import type { SubmissionEnvelope, User } from '../../core/protocol.js'
import type { Database } from '../db/schema.js'
import { districtOf } from './district-of.js'
import { addHazardEvents } from './hazard-events.js'

/** Every failed check with a hazard becomes an open hazard with its first history step, in the submission's transaction. */
export async function recordFoundHazards(
  trx: Kysely<Database>,
  user: User,
  envelope: SubmissionEnvelope,
  template: FormTemplate,
  at: string,
): Promise<void> {
  const hazards = foundHazards(envelope.id, template, envelope.answers)
  if (hazards.length === 0) return
  await trx
    .insertInto('hazards')
    .values(
      hazards.map((hazard) => ({
        id: hazard.id,
        school_id: envelope.schoolId,
        submission_id: envelope.id,
        form_id: envelope.formId,
        field_id: hazard.fieldId,
        description: hazard.description,
        severity: hazard.severity,
        deadline: hazard.deadline,
        status: 'open',
        photos: JSON.stringify(hazard.photos),
        created_at: at,
        responsible: hazard.responsible,
        updated_at: at,
        district_id: districtOf(envelope.schoolId),
      })),
    )
    .execute()
  await addHazardEvents(
    trx,
    hazards.map((hazard) => ({
      id: `${hazard.id}:found`,
      hazardId: hazard.id,
      kind: 'found' as const,
      at,
      userId: user.id,
      submissionId: envelope.id,
      photos: hazard.photos,
      deadline: hazard.deadline,
    })),
  )
}
