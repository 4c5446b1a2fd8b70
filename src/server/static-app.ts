import { existsSync } from 'node:fs'
import { join } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { notFoundBody } from './error-handler.js'

const NO_CACHE = 'no-cache'
const IMMUTABLE = 'public, max-age=31536000, immutable'

function cacheControlFor(path: string): string {
  // Vite puts content-hashed files under /assets/: they never change, everything else may.
  return /[\\/]assets[\\/]/.test(path) ? IMMUTABLE : NO_CACHE
}

function isApi(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?')
}

/**
 * Serves the built PWA when staticDir exists, with the SPA fallback: a GET that is not an API
 * call and not a file gets index.html. Unknown /api/ paths always get a JSON 404.
 */
export async function registerStaticApp(app: FastifyInstance, staticDir: string): Promise<void> {
  const hasApp = existsSync(join(staticDir, 'index.html'))
  if (hasApp) {
    await app.register(fastifyStatic, {
      root: staticDir,
      prefix: '/',
      // The build writes .br and .gz beside each text file (scripts/precompress.ts): sent as they
      // are when the client accepts them, with Vary: Accept-Encoding.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, path) => {
        reply.header('cache-control', cacheControlFor(path))
      },
    })
  }

  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' || request.method === 'HEAD'
    if (hasApp && wantsPage && !isApi(request.url)) {
      return reply.header('cache-control', NO_CACHE).sendFile('index.html')
    }
    return reply.code(404).send(notFoundBody(request.method, request.url))
  })
}
