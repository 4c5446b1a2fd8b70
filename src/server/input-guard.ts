import type { FastifyInstance, FastifyRequest } from 'fastify'
import { ApiHttpError } from './api-error.js'

/** Deeper than any real envelope (answers → check → hazard is 4 levels); stops stack-eating input. */
export const MAX_JSON_DEPTH = 24

/**
 * The first problem in a parsed value, walked without recursion: nesting deeper than
 * MAX_JSON_DEPTH (recursive code downstream would overflow the stack) or a NUL character
 * (PostgreSQL text cannot hold one, so it would fail as a 500 instead of a 400).
 */
export function inputProblem(value: unknown): string | null {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }]
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop() as { value: unknown; depth: number }
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return 'Text must not contain NUL characters'
      continue
    }
    if (current === null || typeof current !== 'object' || Buffer.isBuffer(current)) continue
    if (depth >= MAX_JSON_DEPTH) return `JSON nested deeper than ${MAX_JSON_DEPTH} levels`
    for (const [key, child] of Object.entries(current)) {
      if (key.includes('\u0000')) return 'Text must not contain NUL characters'
      stack.push({ value: child, depth: depth + 1 })
    }
  }
  return null
}

function check(request: FastifyRequest): void {
  // request.url is still percent-encoded: %00 is a NUL once Fastify decodes params and query.
  if (/%00/.test(request.url)) throw new ApiHttpError('bad_request', 'The address must not contain NUL characters')
  const problem = inputProblem(request.query) ?? inputProblem(request.params) ?? inputProblem(request.body)
  if (problem !== null) throw new ApiHttpError('bad_request', problem)
}

/** Runs before each route's schema validation, for every route. */
export function installInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => check(request))
}
