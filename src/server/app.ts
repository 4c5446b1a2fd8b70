import { join } from 'node:path'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify'
import type { AppContext } from './app-context.js'
import type { BlobStore } from './blobs/blob-store.js'
import { installCachePolicy } from './cache-policy.js'
import { createFsBlobStore } from './blobs/fs-blob-store.js'
import type { Config } from './config.js'
import { createDatabase, type AppDatabase } from './db/database.js'
import { frameworkErrors, installErrorHandlers } from './error-handler.js'
import { adminRoutes } from './routes/admin.js'
import { attachmentsRoutes } from './routes/attachments.js'
import { auditRoutes } from './routes/audit.js'
import { authRoutes } from './routes/auth.js'
import { exportsRoutes } from './routes/exports.js'
import { campaignsRoutes } from './routes/campaigns.js'
import { canteenGradesRoutes } from './routes/canteen-grades.js'
import { formFilesRoutes } from './routes/form-files.js'
import { formsRoutes } from './routes/forms.js'
import { hazardsRoutes } from './routes/hazards.js'
import { healthRoutes } from './routes/health.js'
import { inspectionsRoutes } from './routes/inspections.js'
import { meRoutes } from './routes/me.js'
import { noticesRoutes } from './routes/notices.js'
import { pledgeReportsRoutes } from './routes/pledge-reports.js'
import { pledgesRoutes } from './routes/pledges.js'
import { reportsRoutes } from './routes/reports.js'
import { schedulesRoutes } from './routes/schedules.js'
import { schoolsRoutes } from './routes/schools.js'
import { submissionsRoutes } from './routes/submissions.js'
import { surveyReportsRoutes } from './routes/survey-reports.js'
import { todoRoutes } from './routes/todo.js'
import { remindersRoutes } from './routes/reminders.js'
import { webhooksRoutes } from './routes/webhooks.js'
import { registerStaticApp } from './static-app.js'
import { installInputGuard } from './input-guard.js'
import { withSchemaDefaults } from './route-schema-defaults.js'

export type AppDeps = {
  /** A database the caller created (and migrated); otherwise one is created from config. */
  readonly database?: AppDatabase
  readonly blobs?: BlobStore
  readonly now?: () => Date
  /** Sees every route as it is added (the authorization matrix test collects them here). */
  readonly onRoute?: (route: RouteOptions) => void
  /** Where the log lines go instead of stdout (tests read them to prove no secret is logged). */
  readonly logStream?: { write(line: string): void }
}

const routes = [
  authRoutes,
  auditRoutes,
  meRoutes,
  formsRoutes,
  schoolsRoutes,
  submissionsRoutes,
  attachmentsRoutes,
  hazardsRoutes,
  inspectionsRoutes,
  healthRoutes,
  pledgesRoutes,
  pledgeReportsRoutes,
  canteenGradesRoutes,
  surveyReportsRoutes,
  exportsRoutes,
  adminRoutes,
  reportsRoutes,
  schedulesRoutes,
  todoRoutes,
  noticesRoutes,
  campaignsRoutes,
  remindersRoutes,
  webhooksRoutes,
  formFilesRoutes,
]

/** The whole server as a Fastify instance: main.ts listens on it, tests call inject() on it. */
export async function buildApp(config: Config, deps: AppDeps = {}): Promise<FastifyInstance> {
  const database = deps.database ?? createDatabase(config)
  const app = Fastify({
    logger: { level: config.logLevel, redact: ['req.headers.authorization'], ...(deps.logStream ? { stream: deps.logStream } : {}) },
    // Off unless configured: otherwise anyone could dodge the login limit with a forged X-Forwarded-For.
    trustProxy: config.trustProxy,
    ajv: { customOptions: { removeAdditional: false, allErrors: false } },
    frameworkErrors,
  })
  app.decorateRequest('user', null)
  app.decorateRequest('token', null)
  app.addHook('onClose', async () => database.destroy())

  installErrorHandlers(app)
  installInputGuard(app)
  installCachePolicy(app)
  app.addHook('onRoute', (route) => {
    withSchemaDefaults(route)
    deps.onRoute?.(route)
  })
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'blob:', 'data:'],
        workerSrc: ["'self'"],
        // Vant sets inline styles on its components.
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'self'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // Schools may serve it over plain HTTP on a LAN; upgrading would break every request there.
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  })
  await app.register(rateLimit, { global: false })

  const ctx: AppContext = {
    config,
    db: database.db,
    dialect: database.dialect,
    blobs: deps.blobs ?? createFsBlobStore(join(config.dataDir, 'blobs')),
    now: deps.now ?? (() => new Date()),
  }
  await app.register(
    async (api) => {
      for (const plugin of routes) await api.register(plugin, ctx)
    },
    { prefix: '/api/v1' },
  )
  await registerStaticApp(app, config.staticDir)
  return app
}
