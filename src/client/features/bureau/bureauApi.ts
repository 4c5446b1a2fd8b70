import type { ErrorBody } from '../../../core/protocol.js'
import type { ValidationIssue } from '../../../core/validate.js'

/** A call to the server as a value: the bureau works online, so every screen shows these states. */
export type ApiResult<T> =
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'error'; readonly status: number; readonly code: string; readonly message: string; readonly issues: readonly ValidationIssue[] }
  | { readonly kind: 'network' }

async function request<T>(token: string, method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` }
  if (body !== undefined) headers['content-type'] = 'application/json'
  try {
    const response = await fetch(`/api/v1${path}`, { method, headers, cache: 'no-store', ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
    if (response.status === 204) return { kind: 'ok', value: undefined as T }
    const json = (await response.json().catch(() => null)) as unknown
    if (response.ok) return { kind: 'ok', value: json as T }
    const error = (json as Partial<ErrorBody> | null)?.error
    return { kind: 'error', status: response.status, code: error?.code ?? 'internal', message: error?.message ?? response.statusText, issues: error?.details?.issues ?? [] }
  } catch {
    return { kind: 'network' }
  }
}

export function apiGet<T>(token: string, path: string): Promise<ApiResult<T>> {
  return request<T>(token, 'GET', path)
}

export function apiSend<T>(token: string, method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<ApiResult<T>> {
  return request<T>(token, method, path, body)
}

/** Query string from the defined values only. */
export function query(params: Readonly<Record<string, string | boolean | undefined>>): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value))
  const text = search.toString()
  return text === '' ? '' : `?${text}`
}
