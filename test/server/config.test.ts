import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/server/config.js'

describe('loadConfig', () => {
  it('has sensible defaults for an empty environment', () => {
    expect(loadConfig({})).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: resolve('./data'),
      databaseUrl: undefined,
      seedDemo: true,
      sessionDays: 30,
      maxBlobBytes: 10 * 1024 * 1024,
      uploadQuotaBytes: 512 * 1024 * 1024,
      blobGraceDays: 7,
      blobSweepIntervalMinutes: 60,
      staticDir: resolve('./dist'),
      logLevel: 'info',
      loginMaxPerMinute: 10,
      loginMaxFailuresPerAccount: 10,
      loginMaxFailuresPerAddress: 100,
      loginFailureWindowMinutes: 15,
      loginFreeFailures: 3,
      loginFirstDelaySeconds: 5,
      loginDeviceDays: 180,
      trustProxy: false,
      publicUrl: undefined,
      outboundWorker: true,
      outboundIntervalSeconds: 15,
      outboundMaxAttempts: 8,
      outboundRetryBaseSeconds: 30,
      outboundRetryMaxSeconds: 3600,
      outboundLeaseSeconds: 120,
      outboundTimeoutSeconds: 10,
      reminderIntervalMinutes: 10,
      webhookExtraOrigins: [],
    })
  })

  it('reads every setting from the environment', () => {
    const config = loadConfig({
      PORT: '9000',
      HOST: '127.0.0.1',
      DATA_DIR: '/srv/data',
      DATABASE_URL: 'postgres://u@db/school',
      SEED_DEMO: '0',
      SESSION_DAYS: '7',
      MAX_BLOB_BYTES: '1000',
      UPLOAD_QUOTA_BYTES: '50000',
      BLOB_GRACE_DAYS: '3',
      BLOB_SWEEP_INTERVAL_MINUTES: '15',
      STATIC_DIR: '/srv/dist',
      LOG_LEVEL: 'warn',
      LOGIN_MAX_PER_MINUTE: '5',
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '4',
      LOGIN_MAX_FAILURES_PER_ADDRESS: '40',
      LOGIN_FAILURE_WINDOW_MINUTES: '30',
      LOGIN_FREE_FAILURES: '2',
      LOGIN_FIRST_DELAY_SECONDS: '3',
      LOGIN_DEVICE_DAYS: '90',
      TRUST_PROXY: '1',
      PUBLIC_URL: 'https://report.example.cn/',
      OUTBOUND_WORKER: '0',
      OUTBOUND_INTERVAL_SECONDS: '5',
      OUTBOUND_MAX_ATTEMPTS: '3',
      OUTBOUND_RETRY_BASE_SECONDS: '10',
      OUTBOUND_RETRY_MAX_SECONDS: '600',
      OUTBOUND_LEASE_SECONDS: '60',
      OUTBOUND_TIMEOUT_SECONDS: '5',
      REMINDER_INTERVAL_MINUTES: '30',
      WEBHOOK_EXTRA_ORIGINS: 'http://127.0.0.1:9000, https://proxy.example.cn',
    })
    expect(config).toEqual({
      port: 9000,
      host: '127.0.0.1',
      dataDir: '/srv/data',
      databaseUrl: 'postgres://u@db/school',
      seedDemo: false,
      sessionDays: 7,
      maxBlobBytes: 1000,
      uploadQuotaBytes: 50000,
      blobGraceDays: 3,
      blobSweepIntervalMinutes: 15,
      staticDir: '/srv/dist',
      logLevel: 'warn',
      loginMaxPerMinute: 5,
      loginMaxFailuresPerAccount: 4,
      loginMaxFailuresPerAddress: 40,
      loginFailureWindowMinutes: 30,
      loginFreeFailures: 2,
      loginFirstDelaySeconds: 3,
      loginDeviceDays: 90,
      trustProxy: true,
      publicUrl: 'https://report.example.cn',
      outboundWorker: false,
      outboundIntervalSeconds: 5,
      outboundMaxAttempts: 3,
      outboundRetryBaseSeconds: 10,
      outboundRetryMaxSeconds: 600,
      outboundLeaseSeconds: 60,
      outboundTimeoutSeconds: 5,
      reminderIntervalMinutes: 30,
      webhookExtraOrigins: ['http://127.0.0.1:9000', 'https://proxy.example.cn'],
    })
  })

  it.each([
    ['PORT', 'eighty', /PORT/],
    ['PORT', '70000', /PORT/],
    ['SESSION_DAYS', '0', /SESSION_DAYS/],
    ['SEED_DEMO', 'maybe', /SEED_DEMO/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL/],
    ['MAX_BLOB_BYTES', '1.5', /MAX_BLOB_BYTES/],
    ['UPLOAD_QUOTA_BYTES', '0', /UPLOAD_QUOTA_BYTES/],
    ['BLOB_GRACE_DAYS', 'week', /BLOB_GRACE_DAYS/],
    ['PUBLIC_URL', 'report.example.cn', /PUBLIC_URL/],
    ['PUBLIC_URL', 'ftp://report.example.cn', /PUBLIC_URL/],
    ['PUBLIC_URL', 'javascript:alert(1)', /PUBLIC_URL/],
    ['PUBLIC_URL', 'https://user:secret@report.example.cn', /PUBLIC_URL/],
    ['PUBLIC_URL', 'https://report.example.cn/?next=evil', /PUBLIC_URL/],
    ['PUBLIC_URL', 'https://report.example.cn/#x', /PUBLIC_URL/],
    ['LOGIN_FIRST_DELAY_SECONDS', '0', /LOGIN_FIRST_DELAY_SECONDS/],
    ['OUTBOUND_MAX_ATTEMPTS', '0', /OUTBOUND_MAX_ATTEMPTS/],
    ['OUTBOUND_LEASE_SECONDS', '10', /OUTBOUND_LEASE_SECONDS/],
    ['WEBHOOK_EXTRA_ORIGINS', 'http://127.0.0.1:9000/hook', /WEBHOOK_EXTRA_ORIGINS/],
    ['WEBHOOK_EXTRA_ORIGINS', 'file:///etc', /WEBHOOK_EXTRA_ORIGINS/],
  ])('refuses %s=%s with a message naming the setting', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(message)
  })

  it('keeps a path prefix of PUBLIC_URL (a reverse proxy may serve the app under one), without the trailing slash', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://edu.example.cn/school-report/' }).publicUrl).toBe('https://edu.example.cn/school-report')
    expect(loadConfig({ PUBLIC_URL: 'http://10.0.0.5:8080' }).publicUrl).toBe('http://10.0.0.5:8080')
  })
})
