import { describe, expect, it } from 'vitest'
import { canRectify, rectifiedBy, rectifierMayNotDecide, verifyTransition } from '../../../src/core/index.js'

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

describe('separation of duties on a rectified hazard', () => {
  const decision = { status: 'rectified', action: 'close', movesDeadline: false, rectifiedBy: 'user-a', userId: 'user-a' } as const

  it('the rectifier is whoever filed the newest rectification in the history', () => {
    const history = [
      { kind: 'found', userId: 'school' }, { kind: 'rectified', userId: 'user-a' }, { kind: 'reopened', userId: 'bureau' }, { kind: 'rectified', userId: 'user-b' },
    ] as const
    expect(rectifiedBy(history)).toBe('user-b')
    expect(rectifiedBy(history.slice(0, 1))).toBeNull()
  })

  it('whoever filed the rectification may not close it', () => {
    expect(rectifierMayNotDecide(decision)).toBe(true)
  })

  it('someone else may close it', () => {
    expect(rectifierMayNotDecide({ ...decision, userId: 'user-b' })).toBe(false)
  })

  it('the rectifier may withdraw it by reopening, but not grant himself a new deadline', () => {
    expect(rectifierMayNotDecide({ ...decision, action: 'reopen' })).toBe(false)
    expect(rectifierMayNotDecide({ ...decision, action: 'reopen', movesDeadline: true })).toBe(true)
  })

  it('an open or closed hazard rests on no pending rectification', () => {
    expect(rectifierMayNotDecide({ ...decision, status: 'open' })).toBe(false)
    expect(rectifierMayNotDecide({ ...decision, status: 'closed', action: 'reopen', movesDeadline: true })).toBe(false)
  })
})
