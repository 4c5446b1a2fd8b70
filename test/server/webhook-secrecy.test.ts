import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startOutboundWorker } from '../../src/server/outbound-worker.js'
import { bearer, dialects, startServer, type TestServer } from './harness.js'
import { startReceiver, type Receiver } from './webhookReceiver.js'

const TOKEN = 'f00dfeedcafebabe0123456789abcdef0123456789abcdef0123456789abcdef'
const SECRET = 'SECdeadbeef0123456789abcdef0123456789abcdef0123456789abcdef01234'

describe.each(dialects)('robot addresses and secrets stay secret (%s)', (dialect) => {
  let server: TestServer
  let receiver: Receiver
  const lines: string[] = []
  let token = ''
  let clock = new Date('2026-03-10T02:00:00.000Z')

  beforeAll(async () => {
    receiver = await startReceiver('dingtalk')
    server = await startServer(dialect, { webhookExtraOrigins: [receiver.origin], logLevel: 'trace' }, { now: () => clock, logStream: { write: (line) => void lines.push(line) } })
    token = await server.login('bureau', 'bureau123')
  }, 60_000)
  afterAll(async () => {
    await server.close()
    await receiver.close()
  })

  it('never returns, logs, audits or keeps in an error the robot\'s token or signing secret', async () => {
    const call = (method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) =>
      server.app.inject({ method, url: `/api/v1${url}`, headers: bearer(token), ...(payload ? { payload } : {}) })
    const replies: string[] = []
    const url = `${receiver.origin}/robot/send?access_token=${TOKEN}`
    replies.push((await call('PUT', '/webhooks', { channel: 'dingtalk', url, secret: SECRET })).body)
    // Refused addresses carry the token too: the refusal must not echo it.
    replies.push((await call('PUT', '/webhooks', { channel: 'dingtalk', url: `https://evil.example/robot/send?access_token=${TOKEN}` })).body)
    replies.push((await call('PUT', '/webhooks', { channel: 'wecom', url: `not a url ${TOKEN}` })).body)
    replies.push((await call('GET', '/webhooks')).body)
    await call('PUT', '/admin/deadlines', { formId: 'myopia-screening', period: '2026-T1', dueAt: '2026-03-20T00:00:00+08:00' })
    replies.push((await call('POST', '/reminders', { formId: 'myopia-screening', period: '2026-T1' })).body)

    const worker = startOutboundWorker(server.db, server.config, server.app.log, { now: () => clock, random: () => 0.5 })
    worker.stop()
    for (const mode of ['errcodeEcho', 'http500', 'close', 'ok'] as const) {
      receiver.mode = mode
      await worker.deliver()
      clock = new Date(clock.getTime() + server.config.outboundRetryMaxSeconds * 1000)
    }
    expect(receiver.received.length).toBe(4)
    expect(receiver.received.at(-1)?.url.searchParams.get('sign')).toBeTruthy()
    replies.push((await call('GET', '/reminders')).body)
    replies.push((await call('GET', '/audit?limit=200')).body)

    const kept = JSON.stringify(await server.db.selectFrom('outbound_messages').selectAll().execute())
    const audit = JSON.stringify(await server.db.selectFrom('audit_log').selectAll().execute())
    expect(lines.some((line) => line.includes('outbound message'))).toBe(true)
    expect(lines.some((line) => line.includes('/webhooks'))).toBe(true)
    for (const [where, text] of [['replies', replies.join('\n')], ['log', lines.join('')], ['queue', kept], ['audit log', audit]] as const) {
      expect(text, where).not.toContain(TOKEN)
      expect(text, where).not.toContain(SECRET)
    }
    // The echoed answer was kept for the log with the token cut out.
    expect(lines.join('')).toContain('errcode 93000: invalid webhook url /robot/send?access_token=****')
  })
})
