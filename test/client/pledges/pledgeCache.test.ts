import { afterEach, describe, expect, it, vi } from 'vitest'
import { clearCachedPledges, pullPledges, readCachedPledges } from '../../../src/client/features/pledges/pledgeCache.js'
import { freshStores } from '../offline/harness.js'

const list = { pledges: [{ id: 'safe-campus-2026-v1', signature: null }] }

function respond(status: number, body?: unknown, etag?: string) {
  const headers = new Headers(etag === undefined ? {} : { etag })
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers })
}

afterEach(() => vi.unstubAllGlobals())

describe('pledges kept on the phone', () => {
  it('a pull keeps the list with its ETag, and the next pull sends it back', async () => {
    const { stores } = freshStores()
    const fetch = vi.fn().mockResolvedValueOnce(respond(200, list, '"p1"')).mockResolvedValueOnce(respond(304))
    vi.stubGlobal('fetch', fetch)
    expect(await pullPledges(stores, 'token-1')).toBe('updated')
    expect(await readCachedPledges(stores)).toEqual(list.pledges)
    expect(await pullPledges(stores, 'token-1')).toBe('unchanged')
    expect(fetch.mock.calls[1]?.[1]?.headers).toMatchObject({ 'if-none-match': '"p1"', authorization: 'Bearer token-1' })
    expect(await readCachedPledges(stores)).toEqual(list.pledges)
  })

  it('with no signal the last list stays readable', async () => {
    const { stores } = freshStores()
    vi.stubGlobal('fetch', vi.fn().mockResolvedValueOnce(respond(200, list, '"p1"')).mockRejectedValueOnce(new TypeError('offline')))
    await pullPledges(stores, 't')
    expect(await pullPledges(stores, 't')).toBe('offline')
    expect(await readCachedPledges(stores)).toEqual(list.pledges)
  })

  it('signing out removes the list and its ETag, so the next user pulls their own', async () => {
    const { stores } = freshStores()
    vi.stubGlobal('fetch', vi.fn().mockResolvedValueOnce(respond(200, list, '"p1"')))
    await pullPledges(stores, 't')
    await clearCachedPledges(stores)
    expect(await readCachedPledges(stores)).toEqual([])
    expect(await stores.meta.getItem('etag:pledges')).toBeNull()
  })
})
