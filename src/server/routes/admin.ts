import type { FastifyPluginAsync } from 'fastify'
import type {
  AdminFormsResponse, AdminPledgeVersion, AdminSchool, AdminSchoolsResponse, AdminUser, AdminUsersResponse, Deadline, DeadlinesResponse, PasswordResetRequest,
  PledgeVersion, PublishFormRequest, PublishPledgeRequest, SchoolCreateRequest, SchoolUpdateRequest, UserCreateRequest, UserUpdateRequest,
} from '../../core/protocol.js'
import { SCHOOL_KINDS } from '../../core/schoolKinds.js'
import type { AppContext } from '../app-context.js'
import { authenticate, signedInUser } from '../auth/authenticate.js'
import { requireRole } from '../auth/roles.js'
import { templateReach } from '../auth/template-owner.js'
import { listDeadlines, setDistrictDeadline } from '../services/list-deadlines.js'
import { createSchool, listAdminSchools, updateSchool } from '../services/manage-schools.js'
import { createUser, listAdminUsers, resetPassword, updateUser } from '../services/manage-users.js'
import { listAdminPledgeVersions } from '../services/pledge-documents.js'
import { publishForm, listFormVersions } from '../services/publish-form.js'
import { publishPledge } from '../services/publish-pledge.js'

const id = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$' } as const
const idParams = { type: 'object', required: ['id'], properties: { id } } as const
const name = { type: 'string', minLength: 1, maxLength: 100 } as const
const kind = { type: 'string', enum: [...SCHOOL_KINDS] } as const
const township = { type: ['string', 'null'], maxLength: 50 } as const
const role = { type: 'string', enum: ['staff', 'principal', 'inspector', 'bureau', 'admin'] } as const
const password = { type: 'string', minLength: 8, maxLength: 128 } as const
const text = (max: number) => ({
  type: 'object', required: ['zh', 'en'], additionalProperties: false,
  properties: { zh: { type: 'string', minLength: 1, maxLength: max }, en: { type: 'string', minLength: 1, maxLength: max } },
}) as const

const schemas = {
  createSchool: { body: { type: 'object', required: ['name', 'kind'], additionalProperties: false, properties: { name, kind, township, districtId: id } } },
  updateSchool: { params: idParams, body: { type: 'object', minProperties: 1, additionalProperties: false, properties: { name, kind, township } } },
  createUser: {
    body: {
      type: 'object', required: ['username', 'displayName', 'role', 'password'], additionalProperties: false,
      properties: {
        username: { type: 'string', minLength: 2, maxLength: 32, pattern: '^[A-Za-z0-9._-]+$' }, displayName: name, role, password,
        schoolId: { anyOf: [id, { type: 'null' }] }, districtId: { anyOf: [id, { type: 'null' }] },
      },
    },
  },
  updateUser: {
    params: idParams,
    body: {
      type: 'object', minProperties: 1, additionalProperties: false,
      properties: { displayName: name, role, schoolId: { anyOf: [id, { type: 'null' }] }, disabled: { type: 'boolean' } },
    },
  },
  resetPassword: { params: idParams, body: { type: 'object', required: ['password'], additionalProperties: false, properties: { password } } },
  // The template itself is checked by core checkTemplate, which names every problem it finds.
  publishForm: { body: { type: 'object', required: ['template'], additionalProperties: false, properties: { template: { type: 'object' } } }, bodyLimit: 512 * 1024 },
  setDeadline: {
    body: {
      type: 'object', required: ['formId', 'period', 'dueAt'], additionalProperties: false,
      properties: {
        formId: id,
        period: { type: 'string', minLength: 4, maxLength: 7, pattern: '^\\d{4}(-T[12]|-(0[1-9]|1[0-2]))?$' },
        dueAt: { type: 'string', minLength: 10, maxLength: 40, format: 'date-time' },
        districtId: id,
      },
    },
  },
  publishPledge: {
    body: {
      type: 'object', required: ['pledgeId', 'version', 'year', 'audience', 'title', 'text', 'dueDate'], additionalProperties: false,
      properties: {
        pledgeId: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[a-z0-9][a-z0-9-]*$' },
        version: { type: 'integer', minimum: 1, maximum: 1000 },
        year: { type: 'integer', minimum: 2000, maximum: 2100 },
        audience: { type: 'string', enum: ['principal', 'staff'] },
        title: text(200),
        text: text(50_000),
        dueDate: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
      },
    },
  },
} as const

/**
 * Administration for the bureau (its own district) and the admin (everything): schools, users,
 * form templates, deadlines and pledge documents. Every change is written to the audit log in
 * the same transaction as the change.
 */
export const adminRoutes: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  app.addHook('onRequest', authenticate(ctx))
  app.addHook('preHandler', requireRole('bureau'))

  app.get('/admin/schools', async (request): Promise<AdminSchoolsResponse> => listAdminSchools(ctx.db, signedInUser(request)))

  app.post<{ Body: SchoolCreateRequest }>('/admin/schools', { schema: schemas.createSchool }, async (request, reply): Promise<{ school: AdminSchool }> => {
    const school = await createSchool(ctx.db, signedInUser(request), request.body, ctx.now(), request.ip)
    reply.code(201)
    return { school }
  })

  app.patch<{ Params: { id: string }; Body: SchoolUpdateRequest }>('/admin/schools/:id', { schema: schemas.updateSchool }, async (request): Promise<{ school: AdminSchool }> => ({
    school: await updateSchool(ctx.db, signedInUser(request), request.params.id, request.body, ctx.now(), request.ip),
  }))

  app.get('/admin/users', async (request): Promise<AdminUsersResponse> => listAdminUsers(ctx.db, signedInUser(request)))

  app.post<{ Body: UserCreateRequest }>('/admin/users', { schema: schemas.createUser }, async (request, reply): Promise<{ user: AdminUser }> => {
    const user = await createUser(ctx.db, signedInUser(request), request.body, ctx.now(), request.ip)
    reply.code(201)
    return { user }
  })

  app.patch<{ Params: { id: string }; Body: UserUpdateRequest }>('/admin/users/:id', { schema: schemas.updateUser }, async (request): Promise<{ user: AdminUser }> => ({
    user: await updateUser(ctx.db, signedInUser(request), request.params.id, request.body, ctx.now(), request.ip),
  }))

  app.post<{ Params: { id: string }; Body: PasswordResetRequest }>('/admin/users/:id/password', { schema: schemas.resetPassword }, async (request, reply) => {
    await resetPassword(ctx.db, signedInUser(request), request.params.id, request.body.password, ctx.now(), request.ip)
    return reply.code(204).send()
  })

  app.get('/admin/forms', async (request): Promise<AdminFormsResponse> => ({ forms: await listFormVersions(ctx.db, signedInUser(request)) }))

  app.post<{ Body: PublishFormRequest }>('/admin/forms', { schema: schemas.publishForm, bodyLimit: schemas.publishForm.bodyLimit, config: { publishes: 'form' } }, async (request, reply) => {
    const form = await publishForm(ctx.db, signedInUser(request), request.body.template, ctx.now(), request.ip)
    reply.code(201)
    return { form }
  })

  app.get('/admin/deadlines', async (request): Promise<DeadlinesResponse> => ({ deadlines: await listDeadlines(ctx.db, signedInUser(request)) }))

  app.put<{ Body: { formId: string; period: string; dueAt: string; districtId?: string } }>(
    '/admin/deadlines',
    { schema: schemas.setDeadline },
    async (request): Promise<{ deadline: Deadline }> => ({
      deadline: await setDistrictDeadline(ctx.db, signedInUser(request), request.body, ctx.now(), request.ip),
    }),
  )

  app.get('/admin/pledges', async (request): Promise<{ pledges: AdminPledgeVersion[] }> => ({ pledges: await listAdminPledgeVersions(ctx.db, templateReach(signedInUser(request))) }))

  app.post<{ Body: PublishPledgeRequest }>('/admin/pledges', { schema: schemas.publishPledge, config: { publishes: 'pledge' } }, async (request, reply): Promise<{ pledge: PledgeVersion }> => {
    const pledge = await publishPledge(ctx.db, signedInUser(request), request.body, ctx.now(), request.ip)
    reply.code(201)
    return { pledge }
  })
}
