import type { Text } from '../../../../core/text.js'
import { schoolKindLabel } from '../../../../core/schoolKinds.js'
import { formatDate } from '../../../ui/formatTime.js'
import { formatPeriod } from '../../../ui/formatPeriod.js'
import { formatDue } from '../formatDue.js'

type Translate = (key: string, params?: Record<string, string | number>) => string

/** What the audit screen knows to name things with: the forms' titles and the districts' names. */
export type AuditNames = {
  readonly t: Translate
  readonly tx: (text: Text) => string
  readonly locale: string
  readonly formTitle: (formId: string) => Text | undefined
  readonly districtName: (districtId: string) => string | undefined
}

type Part = { readonly key: string; readonly value: string }

const yes = (names: AuditNames, value: unknown) => names.t(value === true ? 'admin.audit.values.yes' : 'admin.audit.values.no')
const day = /^\d{4}-\d{2}-\d{2}$/

/**
 * An audit entry's details as phrases a person reads ("表格：报告明细 · 表单：消防安全自查"), not
 * the stored keys and codes. A key without a phrase is left out rather than shown raw: the full
 * record stays in the database and in the exported log for whoever needs it.
 */
export function describeAudit(details: Readonly<Record<string, unknown>>, names: AuditNames): string {
  const { t } = names
  const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '')
  const known: Record<string, (value: unknown) => string> = {
    table: (value) => t(`admin.audit.tables.${text(value)}`),
    formId: (value) => (names.formTitle(text(value)) ? names.tx(names.formTitle(text(value)) as Text) : t('admin.forms.code', { id: text(value) })),
    pledgeId: (value) => t('admin.pledgeDocs.code', { id: text(value) }),
    period: (value) => formatPeriod(text(value), t),
    format: (value) => t(`admin.audit.formats.${text(value)}`),
    rows: text,
    version: (value) => t('admin.forms.version', { v: text(value) }),
    retired: (value) => (Array.isArray(value) ? value.map((each) => t('admin.forms.version', { v: text(each) })).join('、') : ''),
    title: text,
    name: text,
    username: text,
    displayName: text,
    township: text,
    kind: (value) => names.tx(schoolKindLabel(text(value))),
    role: (value) => t(`admin.users.roles.${text(value)}`),
    owner: (value) => (value === null ? t('admin.forms.global') : (names.districtName(text(value)) ?? text(value))),
    districtId: (value) => names.districtName(text(value)) ?? text(value),
    disabled: (value) => yes(names, value),
    knownDevice: (value) => yes(names, value),
    outcome: (value) => t(`bureau.hazards.${text(value)}`),
    reason: (value) => t(`admin.audit.reasons.${text(value)}`),
    deadline: (value) => formatDate(text(value), names.locale),
    dueAt: (value) => (day.test(text(value)) ? formatDate(text(value), names.locale) : formatDue(text(value), names.locale)),
  }
  const parts: Part[] = []
  for (const [key, value] of Object.entries(details)) {
    const describe = known[key]
    if (describe === undefined || value === undefined) continue
    const shown = describe(value)
    // A code the phrase tables do not know (a new table or reason) is left out, not shown raw.
    if (shown === '' || shown.startsWith('admin.') || shown.startsWith('bureau.')) continue
    parts.push({ key, value: shown })
  }
  return parts.map((part) => t('admin.audit.pair', { key: t(`admin.audit.fields.${part.key}`), value: part.value })).join(' · ')
}
