import { resolve } from 'node:path'

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'

export type Config = {
  readonly port: number
  readonly host: string
  readonly dataDir: string
  /** Set: PostgreSQL. Unset: the embedded SQLite file in dataDir. */
  readonly databaseUrl: string | undefined
  readonly seedDemo: boolean
  readonly sessionDays: number
  readonly maxBlobBytes: number
  /** Bytes a school (a district, for bureau accounts) may hold uploaded but referenced by no report. */
  readonly uploadQuotaBytes: number
  /** An unreferenced blob is swept once nobody uploaded it for this long: a phone uploads photos days before its report. */
  readonly blobGraceDays: number
  readonly blobSweepIntervalMinutes: number
  readonly staticDir: string
  readonly logLevel: LogLevel
  readonly loginMaxPerMinute: number
  /**
   * Failed sign-ins per user name, and per address, within loginFailureWindowMinutes (stored in
   * the database) before new devices are refused; a device that signed in before is not.
   */
  readonly loginMaxFailuresPerAccount: number
  readonly loginMaxFailuresPerAddress: number
  readonly loginFailureWindowMinutes: number
  /** Failures per account and address (or known device) before each further one costs a doubling wait. */
  readonly loginFreeFailures: number
  readonly loginFirstDelaySeconds: number
  /** How long a device stays known to an account after its last sign-in. */
  readonly loginDeviceDays: number
  /** Behind a reverse proxy: take the client IP (which the login limit keys on) from X-Forwarded-For. */
  readonly trustProxy: boolean
  /**
   * Where users reach the app, e.g. `https://report.example.cn`: the base of the photo links in
   * exports. Never taken from a request's Host, which the sender chooses. Unset: exports name
   * photos by path, as text.
   */
  readonly publicUrl: string | undefined
  /** Run the outbound worker (group messages, automatic reminders) in this process. */
  readonly outboundWorker: boolean
  readonly outboundIntervalSeconds: number
  /** Tries before a message is dead (the bureau may retry it by hand). */
  readonly outboundMaxAttempts: number
  readonly outboundRetryBaseSeconds: number
  readonly outboundRetryMaxSeconds: number
  /** How long a claim holds: a worker that dies mid-send is taken over after this. Longer than the timeout. */
  readonly outboundLeaseSeconds: number
  readonly outboundTimeoutSeconds: number
  readonly reminderIntervalMinutes: number
  /** Robot origins allowed beside the services' own (a proxy, a test receiver), e.g. `http://127.0.0.1:9000`. */
  readonly webhookExtraOrigins: readonly string[]
}

type Env = Readonly<Record<string, string | undefined>>

const logLevels: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']

function positiveInteger(env: Env, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name]
  if (raw === undefined || raw.trim() === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new Error(`${name} must be a whole number between 1 and ${max}, got "${raw}"`)
  }
  return value
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase()
  if (raw === undefined || raw === '') return fallback
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true
  if (['0', 'false', 'no', 'off'].includes(raw)) return false
  throw new Error(`${name} must be 1 or 0, got "${env[name] ?? ''}"`)
}

function text(env: Env, name: string, fallback: string): string {
  const raw = env[name]
  return raw === undefined || raw.trim() === '' ? fallback : raw.trim()
}

function databaseUrl(env: Env): string | undefined {
  const raw = env['DATABASE_URL']?.trim()
  if (!raw) return undefined
  if (!/^postgres(ql)?:\/\//.test(raw)) {
    throw new Error('DATABASE_URL must start with postgres:// or postgresql://')
  }
  return raw
}

function publicUrl(env: Env): string | undefined {
  const raw = env['PUBLIC_URL']?.trim()
  if (!raw) return undefined
  const problem = 'PUBLIC_URL must be an http:// or https:// address without user, password, query or fragment'
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new Error(`${problem}, got "${raw}"`)
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '' || raw.includes('?') || raw.includes('#')) {
    throw new Error(`${problem}, got "${raw}"`)
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}

function origins(env: Env, name: string): string[] {
  const raw = env[name]?.trim()
  if (!raw) return []
  return raw.split(',').map((item) => {
    const value = item.trim()
    let url: URL
    try {
      url = new URL(value)
    } catch {
      throw new Error(`${name} must list origins like https://proxy.example.cn, got "${value}"`)
    }
    if (!['http:', 'https:'].includes(url.protocol) || url.origin !== value.replace(/\/+$/, '')) {
      throw new Error(`${name} must list origins like https://proxy.example.cn, got "${value}"`)
    }
    return url.origin
  })
}

function logLevel(env: Env): LogLevel {
  const raw = text(env, 'LOG_LEVEL', 'info') as LogLevel
  if (!logLevels.includes(raw)) throw new Error(`LOG_LEVEL must be one of ${logLevels.join(', ')}`)
  return raw
}

/** Every setting the server reads, validated once at start; nothing else touches process.env. */
export function loadConfig(env: Env = process.env): Config {
  return {
    port: positiveInteger(env, 'PORT', 8080, 65535),
    host: text(env, 'HOST', '0.0.0.0'),
    dataDir: resolve(text(env, 'DATA_DIR', './data')),
    databaseUrl: databaseUrl(env),
    seedDemo: flag(env, 'SEED_DEMO', true),
    sessionDays: positiveInteger(env, 'SESSION_DAYS', 30, 3650),
    maxBlobBytes: positiveInteger(env, 'MAX_BLOB_BYTES', 10 * 1024 * 1024),
    uploadQuotaBytes: positiveInteger(env, 'UPLOAD_QUOTA_BYTES', 512 * 1024 * 1024),
    blobGraceDays: positiveInteger(env, 'BLOB_GRACE_DAYS', 7, 3650),
    blobSweepIntervalMinutes: positiveInteger(env, 'BLOB_SWEEP_INTERVAL_MINUTES', 60, 7 * 24 * 60),
    staticDir: resolve(text(env, 'STATIC_DIR', './dist')),
    logLevel: logLevel(env),
    loginMaxPerMinute: positiveInteger(env, 'LOGIN_MAX_PER_MINUTE', 10),
    loginMaxFailuresPerAccount: positiveInteger(env, 'LOGIN_MAX_FAILURES_PER_ACCOUNT', 10),
    loginMaxFailuresPerAddress: positiveInteger(env, 'LOGIN_MAX_FAILURES_PER_ADDRESS', 100),
    loginFailureWindowMinutes: positiveInteger(env, 'LOGIN_FAILURE_WINDOW_MINUTES', 15, 24 * 60),
    loginFreeFailures: positiveInteger(env, 'LOGIN_FREE_FAILURES', 3, 100),
    loginFirstDelaySeconds: positiveInteger(env, 'LOGIN_FIRST_DELAY_SECONDS', 5, 3600),
    loginDeviceDays: positiveInteger(env, 'LOGIN_DEVICE_DAYS', 180, 3650),
    trustProxy: flag(env, 'TRUST_PROXY', false),
    publicUrl: publicUrl(env),
    ...outbound(env),
  }
}

function outbound(env: Env): Pick<Config, 'outboundWorker' | 'outboundIntervalSeconds' | 'outboundMaxAttempts' | 'outboundRetryBaseSeconds' | 'outboundRetryMaxSeconds' | 'outboundLeaseSeconds' | 'outboundTimeoutSeconds' | 'reminderIntervalMinutes' | 'webhookExtraOrigins'> {
  const settings = {
    outboundWorker: flag(env, 'OUTBOUND_WORKER', true),
    outboundIntervalSeconds: positiveInteger(env, 'OUTBOUND_INTERVAL_SECONDS', 15, 3600),
    outboundMaxAttempts: positiveInteger(env, 'OUTBOUND_MAX_ATTEMPTS', 8, 100),
    outboundRetryBaseSeconds: positiveInteger(env, 'OUTBOUND_RETRY_BASE_SECONDS', 30, 24 * 3600),
    outboundRetryMaxSeconds: positiveInteger(env, 'OUTBOUND_RETRY_MAX_SECONDS', 3600, 7 * 24 * 3600),
    outboundLeaseSeconds: positiveInteger(env, 'OUTBOUND_LEASE_SECONDS', 120, 24 * 3600),
    outboundTimeoutSeconds: positiveInteger(env, 'OUTBOUND_TIMEOUT_SECONDS', 10, 600),
    reminderIntervalMinutes: positiveInteger(env, 'REMINDER_INTERVAL_MINUTES', 10, 24 * 60),
    webhookExtraOrigins: origins(env, 'WEBHOOK_EXTRA_ORIGINS'),
  }
  // A lease shorter than a send would hand a message still in flight to a second worker.
  if (settings.outboundLeaseSeconds <= settings.outboundTimeoutSeconds) {
    throw new Error('OUTBOUND_LEASE_SECONDS must be longer than OUTBOUND_TIMEOUT_SECONDS')
  }
  return settings
}
