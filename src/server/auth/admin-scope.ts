import type { User } from '../../core/protocol.js'
import { ApiHttpError } from '../api-error.js'

/** The districts an administrator acts on: an admin all of them, a bureau only its own. */
export type AdminScope = { readonly kind: 'all' } | { readonly kind: 'district'; readonly districtId: string }

export function adminScope(user: User): AdminScope {
  if (user.role === 'admin') return { kind: 'all' }
  if (user.role === 'bureau' && user.districtId !== null) return { kind: 'district', districtId: user.districtId }
  throw new ApiHttpError('forbidden', 'Only the bureau administers schools, users and forms')
}

export function inScope(scope: AdminScope, districtId: string | null): boolean {
  return scope.kind === 'all' || (districtId !== null && districtId === scope.districtId)
}

/**
 * The district a new record goes to: a bureau's own (naming another is refused), or the one an
 * admin names.
 */
export function targetDistrict(scope: AdminScope, requested: string | null | undefined): string {
  if (scope.kind === 'district') {
    if (requested !== undefined && requested !== null && requested !== scope.districtId) {
      throw new ApiHttpError('forbidden', 'You may not act for another district')
    }
    return scope.districtId
  }
  if (requested === undefined || requested === null) throw new ApiHttpError('bad_request', 'Name the district')
  return requested
}
