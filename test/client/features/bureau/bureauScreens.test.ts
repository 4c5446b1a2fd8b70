import { describe, expect, it } from 'vitest'
import { matchScreen } from '../../../../src/client/features/bureau/bureauScreens.js'

describe('the workspace screen matcher', () => {
  it('the empty path is the overview', () => {
    expect(matchScreen('', 'bureau')?.props).toEqual({})
  })

  it('path parts become props', () => {
    expect(matchScreen('completeness/myopia-screening/2026-T1', 'inspector')?.props).toEqual({ formId: 'myopia-screening', period: '2026-T1' })
    expect(matchScreen('schools/school-1', 'bureau')?.props).toEqual({ schoolId: 'school-1' })
  })

  it('administration screens are for the bureau and the admin, not for inspectors', () => {
    expect(matchScreen('admin/users', 'bureau')).not.toBeNull()
    expect(matchScreen('admin/users', 'admin')).not.toBeNull()
    expect(matchScreen('admin/users', 'inspector')).toBeNull()
  })

  it('an unknown path matches nothing', () => {
    expect(matchScreen('completeness/only-one-part', 'bureau')).toBeNull()
    expect(matchScreen('nowhere', 'bureau')).toBeNull()
  })
})
