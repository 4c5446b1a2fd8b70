import type { FastifyPluginAsync } from 'fastify'
import { sha256Hex } from '../../core/digest.js'
import { canonicalJson } from '../../core/digest.js'
import type { FormTemplate } from '../../core/forms/types.js'
import type { FormsResponse } from '../../core/protocol.js'
import type { AppContext } from '../app-context.js'
import { authenticate, signedInUser } from '../auth/authenticate.js'
import { ownerReached, templateReach } from '../auth/template-owner.js'

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false
  return header.split(',').some((candidate) => {
    const tag = candidate.trim()
    return tag === '*' || tag === etag || tag === `W/${etag}`
  })
}

export const formsRoutes: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  app.addHook('onRequest', authenticate(ctx))

  app.get('/forms', async (request, reply) => {
    const rows = await ctx.db
      .selectFrom('forms')
      .select('template')
      .where('active', '=', 1)
      // Global templates and the caller's district's: the ETag below covers exactly this list.
      .where(ownerReached(templateReach(signedInUser(request))))
      .orderBy('id')
      .orderBy('version')
      .execute()
    const body: FormsResponse = { forms: rows.map((row) => JSON.parse(row.template) as FormTemplate) }
    const json = canonicalJson(body)
    // Strong ETag over the canonical bytes: the phone re-downloads templates only when one changed.
    const etag = `"${await sha256Hex(json)}"`
    reply.header('etag', etag).header('cache-control', 'private, no-cache')
    if (matchesEtag(request.headers['if-none-match'], etag)) return reply.code(304).send()
    return reply.type('application/json; charset=utf-8').send(json)
  })
}
