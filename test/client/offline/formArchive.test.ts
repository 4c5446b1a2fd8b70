import { describe, expect, it } from 'vitest'
import { fireSafety } from '../../../src/core/forms/fire-safety.js'
import type { FormTemplate } from '../../../src/core/forms/types.js'
import { archiveTemplates, findInArchive, readArchive } from '../../../src/client/offline/formArchive.js'
import { pullReference } from '../../../src/client/offline/pullReference.js'
import type { Transport } from '../../../src/client/offline/transport.js'
import { freshStores } from './harness.js'

const version2: FormTemplate = { ...fireSafety, version: 2, title: { zh: '消防安全自查（修订）', en: 'Fire safety self-check (revised)' } }

describe('form archive', () => {
  it('keeps a retired version after the server lists only the newer one', async () => {
    const { stores } = freshStores()
    await archiveTemplates(stores, [fireSafety])
    await archiveTemplates(stores, [version2])
    const archive = await readArchive(stores)
    expect(findInArchive(archive, 'fire-safety', 1)?.version).toBe(1)
    expect(findInArchive(archive, 'fire-safety', 2)?.title.zh).toBe('消防安全自查（修订）')
  })

  it('never replaces a version it already holds, since published templates do not change', async () => {
    const { stores } = freshStores()
    await archiveTemplates(stores, [fireSafety])
    await archiveTemplates(stores, [{ ...fireSafety, title: { zh: '改过的标题', en: 'Changed' } }])
    expect(findInArchive(await readArchive(stores), 'fire-safety', 1)?.title.zh).toBe(fireSafety.title.zh)
  })

  it('finds nothing for a version it never saw', async () => {
    const { stores } = freshStores()
    expect(findInArchive(await readArchive(stores), 'fire-safety', 1)).toBeUndefined()
  })
})

describe('pulling forms', () => {
  it('archives every version the server lists, so a later retirement loses nothing', async () => {
    const { stores } = freshStores()
    let listed: readonly FormTemplate[] = [fireSafety]
    const unchanged = async () => ({ kind: 'not_modified' as const })
    const transport: Transport = {
      submit: async () => ({ kind: 'retry', reason: 'not used' }),
      checkBlobs: async () => ({ kind: 'retry', reason: 'not used' }),
      putBlob: async () => ({ kind: 'retry', reason: 'not used' }),
      fetchForms: async () => ({ kind: 'ok', value: { forms: listed } }),
      fetchSchools: unchanged,
      fetchHazards: async () => ({ kind: 'ok' as const, value: { hazards: [], nextCursor: null } }),
      fetchLatestReports: unchanged,
      fetchTodo: unchanged,
      fetchNotices: async () => ({ kind: 'ok' as const, value: { notices: [], nextCursor: null } }),
      fetchCampaigns: async () => ({ kind: 'ok' as const, value: { campaigns: [], nextCursor: null } }),
    }
    await pullReference(stores, transport)
    listed = [version2]
    await pullReference(stores, transport)
    expect(await stores.meta.getItem('forms')).toEqual([version2])
    expect(findInArchive(await readArchive(stores), 'fire-safety', 1)?.version).toBe(1)
  })
})
