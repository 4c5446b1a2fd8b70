import { describe, expect, it } from 'vitest'
import { canRectify, verifyTransition } from '../../../src/core/index.js'

describe('the hazard lifecycle', () => {
  it('a rectified hazard is closed by verification (销号)', () => {
    expect(verifyTransition('rectified', 'close')).toBe('closed')
  })

  it('an inspector on site may close an open hazard directly', () => {
    expect(verifyTransition('open', 'close')).toBe('closed')
  })

  it('a closed hazard cannot be closed again', () => {
    expect(verifyTransition('closed', 'close')).toBeNull()
  })

  it('a rectified or closed hazard can be sent back to open; an open one cannot be reopened', () => {
    expect(verifyTransition('rectified', 'reopen')).toBe('open')
    expect(verifyTransition('closed', 'reopen')).toBe('open')
    expect(verifyTransition('open', 'reopen')).toBeNull()
  })

  it('only an open hazard takes a rectification', () => {
    expect(canRectify('open')).toBe(true)
    expect(canRectify('rectified')).toBe(false)
    expect(canRectify('closed')).toBe(false)
  })
})
