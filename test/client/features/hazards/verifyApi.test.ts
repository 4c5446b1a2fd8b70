import { afterEach, describe, expect, it, vi } from 'vitest'
import { requestVerify } from '../../../../src/client/features/hazards/verifyApi.js'

afterEach(() => vi.unstubAllGlobals())

describe('a verification the server refuses', () => {
  it('carries the reason the server named, so the phone can say it in the user\'s language', async () => {
    const body = {
      error: {
        code: 'forbidden', message: '… / You filed the rectification…',
        details: { issues: [{ fieldId: 'action', code: 'rectifierCannotVerify', severity: 'error', message: { zh: '…', en: '…' } }] },
      },
    }
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify(body), { status: 403 }))
    expect(await requestVerify('token', 'hazard-1', { action: 'close' })).toEqual({ kind: 'failed', code: 'forbidden', issue: 'rectifierCannotVerify' })
  })

  it('without a named reason it is just the code', async () => {
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ error: { code: 'conflict', message: 'changed' } }), { status: 409 }))
    expect(await requestVerify('token', 'hazard-1', { action: 'close' })).toEqual({ kind: 'failed', code: 'conflict' })
  })
})
