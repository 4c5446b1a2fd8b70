import type { FastifyPluginAsync } from 'fastify'
import { canonicalJson, sha256Hex } from '../../core/digest.js'
import type { TodoResponse } from '../../core/todo.js'
import { shanghaiToday } from '../../core/todoOrder.js'
import { ApiHttpError } from '../api-error.js'
import type { AppContext } from '../app-context.js'
import { authenticate, signedInUser } from '../auth/authenticate.js'
import { listTodo } from '../services/todo/list-todo.js'
import { todoSources } from '../services/todo/sources.js'

function matchesEtag(header: string | undefined, etag: string): boolean {
  return header !== undefined && header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag)
}

export const todoRoutes: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  app.addHook('onRequest', authenticate(ctx))

  app.get('/todo', async (request, reply) => {
    const user = signedInUser(request)
    // A school's own list: the district's people (and admins) have no school to owe anything for.
    if ((user.role !== 'staff' && user.role !== 'principal') || user.schoolId === null || user.districtId === null) {
      throw new ApiHttpError('forbidden', '待办只供学校账号使用 / The to-do list is for school accounts only')
    }
    const now = ctx.now()
    const items = await listTodo({ db: ctx.db, user, schoolId: user.schoolId, districtId: user.districtId, now }, todoSources)
    // The tag covers what the user sees: the items, and the Shanghai day that "how late" is counted
    // from, so tomorrow's first pull is a 200 even when nothing else changed.
    const etag = `"${await sha256Hex(canonicalJson({ day: shanghaiToday(now), items }))}"`
    reply.header('etag', etag).header('cache-control', 'private, no-cache')
    if (matchesEtag(request.headers['if-none-match'], etag)) return reply.code(304).send()
    const body: TodoResponse = { items, generatedAt: now.toISOString() }
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(body))
  })
}
