import type { FastifySchema, RouteOptions } from 'fastify'

const noQuery = { type: 'object', additionalProperties: false, properties: {} } as const

/**
 * An API route that declares no query schema accepts no query parameters at all: a door is
 * locked unless a route opens it. Applied to /api/ routes as they are added.
 */
export function withSchemaDefaults(route: RouteOptions): void {
  if (!route.url.startsWith('/api/')) return
  const schema: FastifySchema = route.schema ?? {}
  route.schema = schema.querystring === undefined ? { ...schema, querystring: noQuery } : schema
}
