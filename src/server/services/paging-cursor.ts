import { ApiHttpError } from '../api-error.js'

/** Where a page starts: after the previous page's last row (its cursor), or at the first row. */
export type PageRequest = { readonly cursor?: string; readonly limit: number }

/** An opaque cursor: the sort key and id of the last row on the previous page. */
export function encodeCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url')
}

export function decodeCursor(cursor: string): { readonly key: string; readonly id: string } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((part) => typeof part === 'string')) {
      return { key: parsed[0] as string, id: parsed[1] as string }
    }
  } catch {
    // fall through to the error below
  }
  throw new ApiHttpError('bad_request', 'The cursor is not valid')
}

/**
 * One page of rows fetched with a limit one past the page, and the cursor to the next page
 * (null when the extra row did not come: this page is the last).
 */
export function cutPage<R>(rows: readonly R[], limit: number, keyOf: (row: R) => readonly [key: string, id: string]): { readonly page: readonly R[]; readonly nextCursor: string | null } {
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  return { page, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(...keyOf(last)) : null }
}
