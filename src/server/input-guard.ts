import type { FastifyInstance, FastifyRequest } from 'fastify'
import { nonFinitePath } from '../core/finiteNumbers.js'
import { ApiHttpError } from './api-error.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The body is a batch whose items are judged one by one (a non-finite number in one report
     * rejects that report alone): the guard leaves the body's numbers to the route.
     */
    readonly itemsCheckedAlone?: boolean
  }
}

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

function nonFiniteProblem(part: 'querystring' | 'params' | 'body', value: unknown): ApiHttpError | null {
  const path = nonFinitePath(value)
  if (path === null) return null
  const where = [part, ...path].join('/')
  return new ApiHttpError('bad_request', `${where} 必须是有限的数 (${where} must be a finite number)`)
}

/**
 * After validation, because the query is text until the schema coerces it: `limit=1e309` and
 * `limit=Infinity` coerce to Infinity, which Ajv's integer check lets through (and which no
 * database column takes). JSON bodies can hold it too (1e309 parses as Infinity).
 */
function checkNumbers(request: FastifyRequest): void {
  const problem =
    nonFiniteProblem('querystring', request.query) ??
    nonFiniteProblem('params', request.params) ??
    (request.routeOptions.config.itemsCheckedAlone === true ? null : nonFiniteProblem('body', request.body))
  if (problem !== null) throw problem
}

/** Runs before each route's schema validation, and after it, for every route. */
export function installInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => check(request))
  app.addHook('preHandler', async (request) => checkNumbers(request))
}
