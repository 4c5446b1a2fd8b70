import { describe, expect, it } from 'vitest'
import { fitWithin, PHOTO_MAX_EDGE } from '../../../src/core/index.js'

describe('photo target size', () => {
  it('shrinks a 4000×3000 camera photo to 1600×1200', () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: 1600, height: 1200 })
  })

  it('shrinks a portrait photo by its height', () => {
    expect(fitWithin(3024, 4032)).toEqual({ width: 1200, height: 1600 })
  })

  it('never enlarges a small picture', () => {
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 })
  })

  it('keeps a very long panorama at least one pixel high and within the edge', () => {
    const size = fitWithin(20000, 5)
    expect(size.width).toBe(PHOTO_MAX_EDGE)
    expect(size.height).toBe(1)
  })

  it('gives zero for an image with no size', () => {
    expect(fitWithin(0, 100)).toEqual({ width: 0, height: 0 })
  })
})
