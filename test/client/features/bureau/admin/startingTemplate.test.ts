import { describe, expect, it } from 'vitest'
import { fireSafety } from '../../../../../src/core/forms/index.js'
import { mustCopy, startingTemplate } from '../../../../../src/client/features/bureau/admin/startingTemplate.js'

describe('where an edit of a form template starts', () => {
  it('a bureau starting from a global form gets a copy at version 1 under a new id', () => {
    const start = startingTemplate(fireSafety, { id: 'fire-safety', version: 3, ownerDistrictId: null }, 'bureau')
    expect(start).toMatchObject({ id: 'fire-safety-copy', version: 1 })
  })

  it('a bureau starting from its own district’s form gets the next version of it', () => {
    const own = { ...fireSafety, id: 'fire-safety-d1' }
    expect(startingTemplate(own, { id: 'fire-safety-d1', version: 2, ownerDistrictId: 'district-1' }, 'bureau')).toMatchObject({ id: 'fire-safety-d1', version: 3 })
  })

  it('an admin versions global forms in place', () => {
    expect(startingTemplate(fireSafety, { id: 'fire-safety', version: 1, ownerDistrictId: null }, 'admin')).toMatchObject({ id: 'fire-safety', version: 2 })
    expect(mustCopy(null, 'admin')).toBe(false)
    expect(mustCopy(null, 'bureau')).toBe(true)
    expect(mustCopy('district-1', 'bureau')).toBe(false)
  })
})
