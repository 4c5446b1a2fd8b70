import type { User } from '../../../core/protocol.js'
import { ApiHttpError, bilingual } from '../../api-error.js'
import { adminScope } from '../../auth/admin-scope.js'

/**
 * The district a reminder, robot or setting is for: a bureau's own (naming another is refused),
 * the one an admin names. As targetDistrict, with the refusals in Chinese and English.
 */
export function reminderDistrict(user: User, requested: string | undefined): string {
  const scope = adminScope(user)
  if (scope.kind === 'district') {
    if (requested !== undefined && requested !== scope.districtId) throw new ApiHttpError('forbidden', bilingual({ zh: '不能替其他区县操作', en: 'You may not act for another district' }))
    return scope.districtId
  }
  if (requested === undefined) throw new ApiHttpError('bad_request', bilingual({ zh: '请指明区县（districtId）', en: 'Name the district (districtId)' }))
  return requested
}
