import type { FastifyInstance } from 'fastify'

/**
 * Nothing the API answers is kept by a browser or a proxy unless its route chose otherwise:
 * replies hold personal data (reports, names, photos) and the sign-in reply holds the token;
 * a shared phone's HTTP cache would hand them to the next user (a cached reply is served
 * without asking the server, and browsers do not key their cache on Authorization).
 * Routes that set their own policy keep it: the ETag'd lists (forms, pledges, survey figures)
 * and photos answer `private, no-cache`, so every reuse is revalidated, and scope-checked,
 * by the server.
 */
export function installCachePolicy(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store')
    return payload
  })
}
