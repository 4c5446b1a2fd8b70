import { createHmac } from 'node:crypto'
import type { ReminderMessage } from '../../../core/reminderMessage.js'
import type { WebhookChannel } from '../../../core/reminders.js'
import { WEBHOOK_TOKEN_PARAM } from '../../../core/webhookUrl.js'

export type WebhookTarget = { readonly channel: WebhookChannel; readonly url: string; readonly secret: string | null }

/**
 * What one try came to. `retryAfterMs`: the service said "too fast" (企业微信 45009, 钉钉 130101);
 * both allow 20 messages a minute, so the next try waits at least a minute. `error` never holds
 * the robot's address or secret: it is stored and logged.
 */
export type SendOutcome = { readonly ok: true } | { readonly ok: false; readonly error: string; readonly retryAfterMs?: number }

const RATE_LIMITED: Readonly<Record<WebhookChannel, number>> = { wecom: 45009, dingtalk: 130101 }
const RATE_LIMIT_WAIT_MS = 60_000

/** 钉钉 加签: base64(HmacSHA256(secret, timestamp + "\n" + secret)), sent as query parameters (URLSearchParams encodes it). */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64')
}

function requestOf(target: WebhookTarget, message: ReminderMessage, now: Date): { url: string; body: unknown } {
  if (target.channel === 'wecom') return { url: target.url, body: { msgtype: 'markdown', markdown: { content: message.text } } }
  const url = new URL(target.url)
  if (target.secret !== null) {
    const timestamp = now.getTime()
    url.searchParams.set('timestamp', String(timestamp))
    url.searchParams.set('sign', dingtalkSign(target.secret, timestamp))
  }
  return { url: url.toString(), body: { msgtype: 'markdown', markdown: { title: message.title, text: message.text } } }
}

/** Takes every credential out of a text from elsewhere (a service's errmsg) before it is kept. */
function scrub(text: string, target: WebhookTarget): string {
  const secrets = [new URL(target.url).searchParams.get(WEBHOOK_TOKEN_PARAM[target.channel]), target.secret].filter((value): value is string => value !== null && value.length >= 4)
  let clean = text.slice(0, 200)
  for (const secret of secrets) clean = clean.split(secret).join('****')
  return clean
}

function networkError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `timeout after ${timeoutMs} ms`
  // undici wraps the socket error; its code (ECONNRESET, ECONNREFUSED…) says what happened, its message may name the address.
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined
  return `network error${typeof cause?.code === 'string' ? `: ${cause.code}` : ''}`
}

/**
 * Posts one markdown message to a 企业微信 group robot or a 钉钉 custom robot. Success is HTTP 200
 * with errcode 0; anything else is a failure the queue retries.
 */
export async function sendWebhook(
  target: WebhookTarget,
  message: ReminderMessage,
  options: { readonly timeoutMs: number; readonly now: Date; readonly fetch?: typeof fetch },
): Promise<SendOutcome> {
  const request = requestOf(target, message, options.now)
  let response: Response
  let text: string
  try {
    response = await (options.fetch ?? fetch)(request.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(request.body),
      redirect: 'error',
      signal: AbortSignal.timeout(options.timeoutMs),
    })
    text = await response.text()
  } catch (error) {
    return { ok: false, error: networkError(error, options.timeoutMs) }
  }
  if (response.status !== 200) return { ok: false, error: `HTTP ${response.status}`, ...(response.status === 429 ? { retryAfterMs: RATE_LIMIT_WAIT_MS } : {}) }
  let answer: { errcode?: unknown; errmsg?: unknown }
  try {
    answer = JSON.parse(text) as { errcode?: unknown; errmsg?: unknown }
  } catch {
    return { ok: false, error: 'HTTP 200 without a JSON answer' }
  }
  if (answer.errcode === 0) return { ok: true }
  const error = scrub(`errcode ${String(answer.errcode)}: ${typeof answer.errmsg === 'string' ? answer.errmsg : ''}`, target)
  return answer.errcode === RATE_LIMITED[target.channel] ? { ok: false, error, retryAfterMs: RATE_LIMIT_WAIT_MS } : { ok: false, error }
}
