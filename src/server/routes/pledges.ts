import type { FastifyPluginAsync } from 'fastify'
import { canonicalJson, sha256Hex } from '../../core/digest.js'
import type { PledgeRecordResponse } from '../../core/protocol.js'
import { ApiHttpError } from '../api-error.js'
import type { AppContext } from '../app-context.js'
import { authenticate, signedInUser } from '../auth/authenticate.js'
import { listPledgesFor } from '../services/list-pledges.js'
import { findPledgeRecord } from '../services/pledge-records.js'

type RecordParams = { versionId: string; signatureId: string }

const idPattern = '^[A-Za-z0-9._-]+$'

const recordSchema = {
  params: {
    type: 'object',
    required: ['versionId', 'signatureId'],
    properties: {
      versionId: { type: 'string', minLength: 1, maxLength: 128, pattern: idPattern },
      signatureId: { type: 'string', minLength: 1, maxLength: 64, pattern: idPattern },
    },
  },
} as const

function matchesEtag(header: string | undefined, etag: string): boolean {
  return header !== undefined && header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag)
}

export const pledgesRoutes: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  app.addHook('onRequest', authenticate(ctx))

  app.get('/pledges', async (request, reply) => {
    const json = canonicalJson(await listPledgesFor(ctx.db, signedInUser(request)))
    // The phone keeps the list offline and asks again each sync: unchanged lists cost a 304.
    const etag = `"${await sha256Hex(json)}"`
    reply.header('etag', etag).header('cache-control', 'private, no-cache')
    if (matchesEtag(request.headers['if-none-match'], etag)) return reply.code(304).send()
    return reply.type('application/json; charset=utf-8').send(json)
  })

  app.get<{ Params: RecordParams }>(
    '/pledges/:versionId/signatures/:signatureId',
    { schema: recordSchema },
    async (request): Promise<PledgeRecordResponse> => {
      const { versionId, signatureId } = request.params
      const record = await findPledgeRecord(ctx.db, signedInUser(request), versionId, signatureId)
      // Outside the caller's scope looks the same as absent.
      if (!record) throw new ApiHttpError('not_found', 'No such signed pledge')
      return record
    },
  )
}
