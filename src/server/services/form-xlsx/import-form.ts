import type { Kysely } from 'kysely'
import { checkTemplate } from '../../../core/forms/check-template.js'
import type { FormTemplate } from '../../../core/forms/types.js'
import type { FormImportResponse, User } from '../../../core/protocol.js'
import { importWorkbook } from '../../../core/xlsform/index.js'
import { translateMessage } from '../../../core/xlsform/problems.js'
import type { SheetProblem } from '../../../core/xlsform/sheets.js'
import { describeTemplateChanges } from '../../../core/xlsform/template-diff.js'
import { ApiHttpError, bilingual } from '../../api-error.js'
import { adminScope } from '../../auth/admin-scope.js'
import { ownerForPublish, PublishRefused } from '../../auth/template-owner.js'
import type { Database } from '../../db/schema.js'
import { changedShape, publishForm } from '../publish-form.js'
import { recordAudit } from '../record-audit.js'
import { isRefusal, readWorkbook } from './read-workbook.js'

type Db = Kysely<Database>

/** 422 with every problem by sheet, row and column; nothing is published. */
export class ImportFailed extends ApiHttpError {
  readonly problems: readonly SheetProblem[]
  constructor(problems: readonly SheetProblem[]) {
    super('import_failed', bilingual({ zh: `表格有 ${problems.length} 处问题，未发布`, en: `The workbook has ${problems.length} problem(s): nothing was published` }))
    this.problems = problems
  }

  override toApiError() {
    return { code: this.code, message: this.message, details: { problems: this.problems } }
  }
}

type Candidate = { readonly template: FormTemplate; readonly warnings: readonly SheetProblem[] }

/**
 * The template a workbook or the builder proposes, numbered as the next version of its id, with
 * the difference from the newest stored version. The caller must be allowed to publish that id
 * (the same owner rule as publishing), so a dry run never shows another district's form.
 */
async function prepare(db: Db, user: User, candidate: Candidate, now: Date, ip: string | null): Promise<{ template: FormTemplate; response: Omit<FormImportResponse, 'published'> }> {
  adminScope(user)
  const newest = await db.selectFrom('forms').select(['version', 'template', 'owner_district_id']).where('id', '=', candidate.template.id).orderBy('version', 'desc').executeTakeFirst()
  try {
    ownerForPublish(user, 'form', newest && { owner: newest.owner_district_id })
  } catch (error) {
    if (error instanceof PublishRefused) {
      await recordAudit(db, { action: 'form_import_refused', at: now, actor: user, ip, districtId: error.owner, subjectId: candidate.template.id, details: { formId: candidate.template.id, reason: error.code } })
    }
    throw error
  }
  // The server numbers versions: whatever the sheet says, an upload is the next version.
  const template: FormTemplate = { ...candidate.template, version: (newest?.version ?? 0) + 1 }
  const previous = newest ? (JSON.parse(newest.template) as FormTemplate) : undefined
  const shape = previous && changedShape(previous, template)
  if (shape) {
    const column = shape.startsWith('kind') ? '类别' : '周期'
    throw new ImportFailed([{ sheet: '设置', row: 2, column, message: { zh: `${column}须与已发布的版本一致（${shape}）：旧版本的报告要和新版本一起统计`, en: `${shape}: reports of older versions are counted with the new ones` } }])
  }
  return { template, response: { template, previousVersion: newest?.version ?? null, changes: describeTemplateChanges(previous, template), warnings: candidate.warnings } }
}

async function finish(db: Db, user: User, prepared: Awaited<ReturnType<typeof prepare>>, publish: boolean, now: Date, ip: string | null, source: 'xlsx' | 'builder'): Promise<FormImportResponse> {
  if (!publish) return { ...prepared.response, published: null }
  if (prepared.response.previousVersion !== null && prepared.response.changes.length === 0) {
    throw new ApiHttpError('validation_failed', bilingual({ zh: '与当前版本完全相同，无需发布新版本', en: 'Identical to the current version: nothing to publish' }))
  }
  // The same path, checks and audit line as the bureau's JSON publish.
  const published = await publishForm(db, user, prepared.template, now, ip)
  await recordAudit(db, {
    action: 'form_imported', at: now, actor: user, ip, districtId: published.ownerDistrictId, subjectId: `${published.id}@${published.version}`,
    details: { formId: published.id, version: published.version, source, changes: prepared.response.changes.length, warnings: prepared.response.warnings.length },
  })
  return { ...prepared.response, published }
}

/** An uploaded .xlsx (our layout or standard XLSForm): previewed, or published as the next version. */
export async function importFormWorkbook(db: Db, user: User, bytes: Buffer, publish: boolean, now: Date, ip: string | null): Promise<FormImportResponse> {
  adminScope(user)
  const workbook = await readWorkbook(bytes)
  if (isRefusal(workbook)) throw new ApiHttpError('bad_request', bilingual(workbook))
  const result = importWorkbook(workbook)
  if (!result.template) throw new ImportFailed(result.problems)
  return finish(db, user, await prepare(db, user, { template: result.template, warnings: result.warnings }, now, ip), publish, now, ip, 'xlsx')
}

/** The builder's template (JSON): checked by core, previewed against the live version, or published. */
export async function previewBuiltForm(db: Db, user: User, raw: unknown, publish: boolean, now: Date, ip: string | null): Promise<FormImportResponse> {
  adminScope(user)
  // The version is the server's to assign; check the rest as it will be published.
  const numbered = typeof raw === 'object' && raw !== null ? { ...raw, version: 1 } : raw
  const problems = checkTemplate(numbered)
  // The builder has no sheets: its problems name the template path (sections[1].fields[0].label).
  if (problems.length > 0) throw new ImportFailed(problems.map((problem) => ({ sheet: '模板', column: problem.path || '—', message: translateMessage(problem.message) })))
  return finish(db, user, await prepare(db, user, { template: numbered as FormTemplate, warnings: [] }, now, ip), publish, now, ip, 'builder')
}
