import type { SubmissionsPage } from '../../../core/protocol.js'

export type InboxOutcome =
  | { readonly kind: 'ok'; readonly page: SubmissionsPage }
  | { readonly kind: 'unauthorized' | 'forbidden' | 'network' }

/** Reports the bureau may see, newest first. Read online: the bureau works at a desk. */
export async function fetchInbox(token: string, cursor?: string): Promise<InboxOutcome> {
  const query = new URLSearchParams({ limit: '50' })
  if (cursor) query.set('cursor', cursor)
  try {
    const response = await fetch(`/api/v1/submissions?${query}`, { headers: { authorization: `Bearer ${token}` } })
    if (response.status === 401) return { kind: 'unauthorized' }
    if (response.status === 403) return { kind: 'forbidden' }
    if (!response.ok) return { kind: 'network' }
    return { kind: 'ok', page: (await response.json()) as SubmissionsPage }
  } catch {
    return { kind: 'network' }
  }
}
