import type { WebhookChannel } from './reminders.js'

/** The query parameter that carries each robot's credential: whoever holds it may post to the group. */
export const WEBHOOK_TOKEN_PARAM: Readonly<Record<WebhookChannel, string>> = { wecom: 'key', dingtalk: 'access_token' }

/** The services' own addresses; a deployment may allow others (a test receiver, a proxy) by configuration. */
export const WEBHOOK_DEFAULT_ORIGINS: Readonly<Record<WebhookChannel, string>> = {
  wecom: 'https://qyapi.weixin.qq.com',
  dingtalk: 'https://oapi.dingtalk.com',
}

export type WebhookUrlProblem = 'not_a_url' | 'origin_not_allowed' | 'no_token' | 'has_credentials'

/**
 * Checks a robot address before it is stored. Only the channel's own service or an origin the
 * deployment allowed (`extraOrigins`): otherwise a bureau account could make the server post to any
 * address on its own network.
 */
export function checkWebhookUrl(raw: string, channel: WebhookChannel, extraOrigins: readonly string[] = []): WebhookUrlProblem | null {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return 'not_a_url'
  }
  if (url.username !== '' || url.password !== '') return 'has_credentials'
  if (url.origin !== WEBHOOK_DEFAULT_ORIGINS[channel] && !extraOrigins.includes(url.origin)) return 'origin_not_allowed'
  const token = url.searchParams.get(WEBHOOK_TOKEN_PARAM[channel])
  if (token === null || token.trim() === '') return 'no_token'
  return null
}

/**
 * What a robot address looks like on screen and in replies: the service and the token's last four
 * characters, enough to tell two robots apart, never enough to post with
 * (`https://qyapi.weixin.qq.com/…key=****abcd`).
 */
export function maskWebhookUrl(raw: string, channel: WebhookChannel): string {
  const param = WEBHOOK_TOKEN_PARAM[channel]
  let origin = '?'
  let token = ''
  try {
    const url = new URL(raw)
    origin = url.origin
    token = url.searchParams.get(param) ?? ''
  } catch {
    // An unreadable address shows as no address: the mask never echoes what it could not parse.
  }
  const tail = token.length >= 12 ? token.slice(-4) : ''
  return `${origin}/…${param}=****${tail}`
}
