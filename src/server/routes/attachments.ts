import type { FastifyPluginAsync } from 'fastify'
import { BLOB_CHECK_MAX, type BlobCheckRequest, type BlobCheckResponse } from '../../core/protocol.js'
import { ApiHttpError, bilingual } from '../api-error.js'
import type { AppContext } from '../app-context.js'
import { authenticate, signedInUser } from '../auth/authenticate.js'
import { heldBlobs, mayReadBlob } from '../services/blob-possession.js'
import { findBlob, storeAttachment } from '../services/store-attachment.js'

type Params = { sha256: string }

const schema = {
  params: {
    type: 'object',
    required: ['sha256'],
    properties: { sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' } },
  },
} as const

const checkSchema = {
  body: {
    type: 'object',
    required: ['hashes'],
    additionalProperties: false,
    properties: { hashes: { type: 'array', maxItems: BLOB_CHECK_MAX, items: { type: 'string', pattern: '^[0-9a-f]{64}$' } } },
  },
} as const

const badCheck = bilingual({
  zh: `请以 hashes 列出至多 ${BLOB_CHECK_MAX} 个 SHA-256 指纹（64 位小写十六进制）`,
  en: `Send hashes: at most ${BLOB_CHECK_MAX} SHA-256 digests, 64 lowercase hex characters each`,
})

export const attachmentsRoutes: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  app.addHook('onRequest', authenticate(ctx))

  // Raw image bytes, encapsulated to this plugin; any other content type is a 415 from Fastify.
  app.addContentTypeParser(
    ['image/jpeg', 'image/png', 'image/webp'],
    { parseAs: 'buffer', bodyLimit: ctx.config.maxBlobBytes },
    (_request, body, done) => done(null, body),
  )

  // HEAD answers only what GET would: a stored hash outside your scope is a 404 like an unknown
  // one, so the sync's "do you have it?" is no oracle for another school's photos.
  app.head<{ Params: Params }>('/attachments/:sha256', { schema }, async (request, reply) => {
    const { sha256 } = request.params
    const blob = await findBlob(ctx.db, sha256)
    if (!blob || !(await mayReadBlob(ctx.db, signedInUser(request), sha256))) return reply.code(404).send()
    return reply.code(200).header('content-type', blob.mime).header('content-length', blob.size).send()
  })

  // The batch form of HEAD for the phone's sync (HEAD stays for phones still running older code):
  // the same scope rule, one round trip per record, and no 404 per absent photo in the console.
  app.post<{ Body: BlobCheckRequest }>('/attachments/check', { schema: checkSchema, attachValidation: true }, async (request): Promise<BlobCheckResponse> => {
    if (request.validationError) throw new ApiHttpError('bad_request', badCheck)
    return { held: await heldBlobs(ctx.db, signedInUser(request), request.body.hashes) }
  })

  app.put<{ Params: Params; Body: Buffer }>(
    '/attachments/:sha256',
    { schema, bodyLimit: ctx.config.maxBlobBytes },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new ApiHttpError('bad_request', 'Send the image bytes as the body')
      const { sha256 } = request.params
      const created = await storeAttachment(ctx.db, ctx.blobs, signedInUser(request), sha256, request.body, ctx.now(), ctx.config.uploadQuotaBytes)
      return reply.code(created ? 201 : 200).send({ sha256, size: request.body.byteLength })
    },
  )

  app.get<{ Params: Params }>('/attachments/:sha256', { schema, exposeHeadRoute: false }, async (request, reply) => {
    const { sha256 } = request.params
    const user = signedInUser(request)
    const blob = await findBlob(ctx.db, sha256)
    const allowed = blob !== undefined && (await mayReadBlob(ctx.db, user, sha256))
    // Not found and not allowed look the same: a hash outside your scope reveals nothing.
    if (!blob || !allowed) throw new ApiHttpError('not_found', 'No such attachment')
    // The bytes never change (the name is their hash), but who may read them does: a browser
    // revalidates each time (no-cache), and the 304 comes only after the scope check above.
    // A year's max-age would let a shared browser show the photo to the next user unasked.
    reply.header('cache-control', 'private, no-cache').header('etag', `"${sha256}"`)
    if (request.headers['if-none-match']?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === `"${sha256}"`)) return reply.code(304).send()
    const bytes = await ctx.blobs.get(sha256)
    if (!bytes) throw new Error(`blob ${sha256} has a row but no bytes`)
    return reply.header('content-type', blob.mime).send(Buffer.from(bytes))
  })
}
