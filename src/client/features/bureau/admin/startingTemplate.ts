import type { FormTemplate } from '../../../../core/forms/types.js'
import type { AdminFormVersion, Role } from '../../../../core/protocol.js'

/** Whether a caller's edit of this form must be a copy: a bureau versions only its district's own forms. */
export function mustCopy(owner: string | null, role: Role | undefined): boolean {
  return owner === null && role !== 'admin'
}

/**
 * What the publish box starts from: the next version of the form, or — for a global form a
 * bureau may not version — a copy at version 1 under an id to rename (the server refuses the rest).
 */
export function startingTemplate(template: FormTemplate, form: Pick<AdminFormVersion, 'id' | 'version' | 'ownerDistrictId'>, role: Role | undefined): FormTemplate {
  return mustCopy(form.ownerDistrictId, role) ? { ...template, id: `${form.id}-copy`, version: 1 } : { ...template, version: form.version + 1 }
}
