import type { PledgesResponse } from '../../../core/protocol.js'
import type { Stores } from '../../offline/storage.js'
import { fetchPledges } from './pledgesApi.js'

export type CachedPledge = PledgesResponse['pledges'][number]

/** Meta keys of the pulled pledges: the signed-in user's, removed at sign-out with the other pulled lists. */
export const PLEDGE_KEYS = ['pledges', 'etag:pledges'] as const

export async function readCachedPledges(stores: Stores): Promise<readonly CachedPledge[]> {
  return (await stores.meta.getItem<CachedPledge[]>('pledges')) ?? []
}

/**
 * Pulls the pledges (texts and signing state) into meta with If-None-Match, so a principal can
 * read and sign them with no signal later. Returns whether the server could be asked.
 */
export async function pullPledges(stores: Stores, token: string): Promise<'updated' | 'unchanged' | 'offline' | 'unauthorized'> {
  const etag = (await stores.meta.getItem<string>('etag:pledges')) ?? undefined
  const outcome = await fetchPledges(token, etag)
  if (outcome.kind === 'not_modified') return 'unchanged'
  if (outcome.kind === 'unauthorized') return 'unauthorized'
  if (outcome.kind !== 'ok') return 'offline'
  await stores.meta.setItem('pledges', outcome.value.pledges)
  if (outcome.etag === undefined) await stores.meta.removeItem('etag:pledges')
  else await stores.meta.setItem('etag:pledges', outcome.etag)
  return 'updated'
}

export async function clearCachedPledges(stores: Stores): Promise<void> {
  await Promise.all(PLEDGE_KEYS.map((key) => stores.meta.removeItem(key)))
}
