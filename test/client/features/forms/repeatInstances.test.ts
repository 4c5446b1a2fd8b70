import { describe, expect, it } from 'vitest'
import { addInstance, instancesOf, moveInstance, removeInstance } from '../../../../src/client/features/forms/repeatInstances.js'
import type { Section } from '../../../../src/core/forms/types.js'

const section: Section = { id: 'buses', title: { zh: '校车', en: 'Buses' }, repeat: { min: 1, max: 2 }, fields: [] }

describe('editing a repeat on the phone', () => {
  it('adds up to the max, removes and reorders', () => {
    const one = addInstance([], section)
    const two = addInstance([{ plate: 'A' }], section)
    expect(one).toEqual([{}])
    expect(addInstance(two, section)).toHaveLength(2)
    expect(moveInstance([{ plate: 'A' }, { plate: 'B' }], 1, -1)).toEqual([{ plate: 'B' }, { plate: 'A' }])
    expect(moveInstance([{ plate: 'A' }], 0, -1)).toEqual([{ plate: 'A' }])
    expect(removeInstance([{ plate: 'A' }, { plate: 'B' }], 0)).toEqual([{ plate: 'B' }])
  })

  it('reads whatever a draft holds as a list of instances', () => {
    expect(instancesOf(undefined)).toEqual([])
    expect(instancesOf('x')).toEqual([])
    expect(instancesOf([{ a: 1 }, 3, null])).toEqual([{ a: 1 }])
  })
})
