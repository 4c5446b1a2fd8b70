import type { PledgeRecordResponse, PledgeReportResponse, PledgesResponse } from '../../../core/protocol.js'

/** A read from the server as a value: the bureau's screens and the pull share these outcomes. */
export type ApiOutcome<T> =
  | { readonly kind: 'ok'; readonly value: T; readonly etag?: string }
  | { readonly kind: 'not_modified' }
  | { readonly kind: 'unauthorized' | 'forbidden' | 'not_found' | 'network' }

export async function getJson<T>(path: string, token: string, etag?: string): Promise<ApiOutcome<T>> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` }
  if (etag !== undefined) headers['if-none-match'] = etag
  try {
    const response = await fetch(`/api/v1${path}`, { headers, cache: 'no-store' })
    if (response.status === 304) return { kind: 'not_modified' }
    if (response.status === 401) return { kind: 'unauthorized' }
    if (response.status === 403) return { kind: 'forbidden' }
    if (response.status === 404) return { kind: 'not_found' }
    if (!response.ok) return { kind: 'network' }
    const value = (await response.json()) as T
    const tag = response.headers.get('etag')
    return tag === null ? { kind: 'ok', value } : { kind: 'ok', value, etag: tag }
  } catch {
    return { kind: 'network' }
  }
}

export function fetchPledges(token: string, etag?: string): Promise<ApiOutcome<PledgesResponse>> {
  return getJson('/pledges', token, etag)
}

export function fetchPledgeRecord(token: string, versionId: string, signatureId: string): Promise<ApiOutcome<PledgeRecordResponse>> {
  return getJson(`/pledges/${encodeURIComponent(versionId)}/signatures/${encodeURIComponent(signatureId)}`, token)
}

export function fetchPledgeReport(token: string, versionId: string): Promise<ApiOutcome<PledgeReportResponse>> {
  return getJson(`/reports/pledges?${new URLSearchParams({ versionId })}`, token)
}

/** The signature image as an object URL: an <img> cannot send the bearer token itself. */
export async function fetchImageUrl(token: string, sha256: string): Promise<string | null> {
  try {
    const response = await fetch(`/api/v1/attachments/${sha256}`, { headers: { authorization: `Bearer ${token}` } })
    return response.ok ? URL.createObjectURL(await response.blob()) : null
  } catch {
    return null
  }
}
