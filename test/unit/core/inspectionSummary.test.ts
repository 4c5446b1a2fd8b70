import { describe, expect, it } from 'vitest'
import { foodHygiene, referencedHashes, summariseInspection } from '../../../src/core/index.js'

describe('inspection summaries', () => {
  it('counts pass, fail, not applicable, unanswered and hazards', () => {
    const summary = summariseInspection(foodHygiene, {
      licence: { result: 'pass' },
      healthCerts: { result: 'fail', hazard: { description: '两人健康证过期', severity: 'medium', deadline: '2026-03-10' } },
      samples: { result: 'fail' },
      openKitchen: { result: 'na' },
    })
    expect(summary).toEqual({ pass: 1, fail: 2, na: 1, open: 8, hazards: 1 })
  })

  it('the photos of items and of photo fields are all listed as attachments once', () => {
    const a = 'a'.repeat(64)
    const b = 'b'.repeat(64)
    expect(referencedHashes(foodHygiene, {
      licence: { result: 'fail', photos: [a, b] },
      scenePhotos: [b],
    }).sort()).toEqual([a, b])
  })
})
