import { describe, expect, it } from 'vitest'
import { checkWebhookUrl, maskWebhookUrl } from '../../../src/core/webhookUrl.js'

const origins: string[] = []
const wecom = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa'
const dingtalk = 'https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef0123456789abcdef'

describe('maskWebhookUrl', () => {
  it('shows the service and the token\'s last four characters only', () => {
    expect(maskWebhookUrl(wecom, 'wecom')).toBe('https://qyapi.weixin.qq.com/…key=****5aaa')
    expect(maskWebhookUrl(dingtalk, 'dingtalk')).toBe('https://oapi.dingtalk.com/…access_token=****cdef')
  })

  it('shows none of a short token, and nothing of an address it cannot read', () => {
    expect(maskWebhookUrl('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abcdef', 'wecom')).toBe('https://qyapi.weixin.qq.com/…key=****')
    expect(maskWebhookUrl('not a url with secret', 'wecom')).not.toContain('secret')
  })
})

describe('checkWebhookUrl', () => {
  it('takes the services\' own addresses', () => {
    expect(checkWebhookUrl(wecom, 'wecom', origins)).toBeNull()
    expect(checkWebhookUrl(dingtalk, 'dingtalk', origins)).toBeNull()
  })

  it('refuses another host (the server must not post into its own network), a missing token and embedded credentials', () => {
    expect(checkWebhookUrl('http://10.0.0.5/cgi-bin/webhook/send?key=x', 'wecom', origins)).toBe('origin_not_allowed')
    expect(checkWebhookUrl('http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x', 'wecom', origins)).toBe('origin_not_allowed')
    expect(checkWebhookUrl(wecom, 'dingtalk', origins)).toBe('origin_not_allowed')
    expect(checkWebhookUrl('https://oapi.dingtalk.com/robot/send', 'dingtalk', origins)).toBe('no_token')
    expect(checkWebhookUrl('https://u:p@oapi.dingtalk.com/robot/send?access_token=x', 'dingtalk', origins)).toBe('has_credentials')
    expect(checkWebhookUrl('::', 'wecom', origins)).toBe('not_a_url')
  })

  it('takes an origin the deployment allowed (a local receiver), for either channel', () => {
    expect(checkWebhookUrl('http://127.0.0.1:4567/hook?key=abc', 'wecom', ['http://127.0.0.1:4567'])).toBeNull()
    expect(checkWebhookUrl('http://127.0.0.1:4568/hook?key=abc', 'wecom', ['http://127.0.0.1:4567'])).toBe('origin_not_allowed')
  })
})
