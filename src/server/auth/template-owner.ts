import { sql, type Expression, type SqlBool } from 'kysely'
import type { User } from '../../core/protocol.js'
import type { Text } from '../../core/text.js'
import { ApiHttpError } from '../api-error.js'
import { adminScope } from './admin-scope.js'

/**
 * Form templates and pledge texts belong to a district, or to nobody in particular (null:
 * global, published by an admin). Everyone reads the global ones; a district's are read by its
 * schools, inspectors and bureau only; an admin reads all.
 */
export type TemplateReach = { readonly kind: 'all' } | { readonly kind: 'district'; readonly districtId: string | null }

export function templateReach(user: User): TemplateReach {
  return user.role === 'admin' ? { kind: 'all' } : { kind: 'district', districtId: user.districtId }
}

export function reaches(reach: TemplateReach, owner: string | null): boolean {
  return reach.kind === 'all' || owner === null || owner === reach.districtId
}

/** The same rule as a WHERE condition on a table's owner_district_id column. */
export function ownerReached(reach: TemplateReach, column = 'owner_district_id'): Expression<SqlBool> {
  if (reach.kind === 'all') return sql<SqlBool>`1 = 1`
  if (reach.districtId === null) return sql<SqlBool>`${sql.ref(column)} is null`
  return sql<SqlBool>`(${sql.ref(column)} is null or ${sql.ref(column)} = ${reach.districtId})`
}

export type TemplateKind = 'form' | 'pledge'

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Set on every route that publishes a version of an owned template: the authorization tests
     * generate publish-over-another-district cases for each route that carries it.
     */
    publishes?: TemplateKind
  }
}

const refusals = {
  global: {
    form: { zh: '这是全局表单，只有系统管理员可以发布新版本；请另起一个表单编号发布本区的表单', en: 'This form is global: only an administrator publishes its versions. Publish your district\'s own form under a new id' },
    pledge: { zh: '这是全局责任书，只有系统管理员可以发布新版本；请另起一个编号发布本区的责任书', en: 'This pledge is global: only an administrator publishes its versions. Publish your district\'s own pledge under a new id' },
  },
  taken: {
    form: { zh: '这个表单编号属于另一个区，请换一个编号', en: 'This form id belongs to another district: choose another id' },
    pledge: { zh: '这个责任书编号属于另一个区，请换一个编号', en: 'This pledge id belongs to another district: choose another id' },
  },
} satisfies Record<string, Record<TemplateKind, Text>>

function both(text: Text): string {
  return `${text.zh} / ${text.en}`
}

/** Why a publish was refused, and whose audit log must show the attempt. */
export class PublishRefused extends ApiHttpError {
  readonly owner: string | null
  constructor(code: 'forbidden' | 'conflict', message: Text, owner: string | null) {
    super(code, both(message))
    this.owner = owner
  }
}

/**
 * The owner a new version of `kind` id gets, or a refusal. `existing` is the id's owner when the
 * id is already published (undefined: a new id).
 *
 * Ids are one namespace for the whole server, not one per district: submissions, exports,
 * deadlines and pledge signings name a form or pledge by id alone, so a per-district id would
 * make every one of those references ambiguous. The first publisher of an id keeps it; another
 * district asking for the same name is told it is taken (409) and picks another.
 * An admin acts for everyone: a new id of theirs is global, a new version of a district's id
 * stays that district's.
 */
export function ownerForPublish(user: User, kind: TemplateKind, existing: { readonly owner: string | null } | undefined): string | null {
  const scope = adminScope(user)
  if (existing === undefined) return scope.kind === 'all' ? null : scope.districtId
  if (scope.kind === 'all' || existing.owner === scope.districtId) return existing.owner
  if (existing.owner === null) throw new PublishRefused('forbidden', refusals.global[kind], null)
  throw new PublishRefused('conflict', refusals.taken[kind], existing.owner)
}

/** A new id's first version is 1: two districts claiming the same new name then race for one row. */
export function checkFirstVersion(kind: TemplateKind, version: number): void {
  if (version !== 1) {
    const text = kind === 'form'
      ? { zh: '新表单从第 1 版开始', en: 'A new form starts at version 1' }
      : { zh: '新责任书从第 1 版开始', en: 'A new pledge starts at version 1' }
    throw new ApiHttpError('validation_failed', both(text))
  }
}
