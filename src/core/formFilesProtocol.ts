import type { AdminFormVersion } from './bureauProtocol.js'
import type { FormTemplate } from './forms/types.js'
import type { TemplateChange } from './xlsform/template-diff.js'
import type { SheetProblem } from './xlsform/sheets.js'

/**
 * POST /api/v1/admin/forms/import (an .xlsx body) and POST /api/v1/admin/forms/preview (a
 * template as JSON, from the builder): the template as it would be published — its version is
 * the next one of its id — what changes against the live version, and what was set aside.
 * `published` is null on a dry run.
 */
export type FormImportResponse = {
  readonly template: FormTemplate
  readonly previousVersion: number | null
  readonly changes: readonly TemplateChange[]
  readonly warnings: readonly SheetProblem[]
  readonly published: AdminFormVersion | null
}

/** POST /api/v1/admin/forms/:id/versions/:version/retire */
export type RetireFormResponse = { readonly form: AdminFormVersion }

/** GET /api/v1/admin/forms/:id/versions/:version: one stored version, for the builder to start from. */
export type FormVersionResponse = { readonly template: FormTemplate }
