import { describe, expect, it } from 'vitest'
import { pullReference } from '../../../src/client/offline/pullReference.js'
import { createFakeServer } from './fakeServer.js'
import { freshStores } from './harness.js'

describe('pulling the reference lists', () => {
  it('asks for the four lists together: on a slow line each waits one round trip, not four', async () => {
    const { stores } = freshStores()
    const server = createFakeServer()
    let asked = 0
    let allAsked = (): void => undefined
    const together = new Promise<void>((resolve) => (allAsked = resolve))
    // Each answer waits until all four requests are out; asked one after another, none would come.
    const wait = async (): Promise<void> => {
      if (++asked === 4) allAsked()
      await Promise.race([together, new Promise((resolve) => setTimeout(resolve, 500))])
    }
    for (const name of ['fetchForms', 'fetchSchools', 'fetchHazards', 'fetchLatestReports'] as const) {
      const fetch = server[name].bind(server) as (etag?: string) => Promise<never>
      server[name] = async (etag?: string) => {
        await wait()
        return fetch(etag)
      }
    }
    const started = Date.now()
    const outcome = await pullReference(stores, server)
    expect(outcome.kind).toBe('done')
    expect(Date.now() - started).toBeLessThan(400)
    expect(await stores.meta.getItem('etag:reports')).toBe('"reports-1"')
  })

  it('a list that fails on the network keeps the lists before it and reports a retry', async () => {
    const { stores } = freshStores()
    const server = createFakeServer()
    server.fail('pull', { kind: 'status', status: 503 })
    // The first pull call (forms) fails; schools, hazards and reports arrive but come after it.
    const outcome = await pullReference(stores, server)
    expect(outcome).toEqual({ kind: 'retry', pulled: {} })
    expect(await stores.meta.getItem('etag:forms')).toBeNull()
  })
})
