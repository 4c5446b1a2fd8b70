import { describe, expect, it } from 'vitest'
import { detectCapabilityWarnings, type BrowserFacts } from '../../../src/client/ui/capabilities.js'

const androidChrome = 'Mozilla/5.0 (Linux; Android 13; M2102J2SC) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36'
const wechatAndroid = `${androidChrome} XWEB/1160065 MMWEBSDK/20231202 MicroMessenger/8.0.47.2560(0x28002F51) WeChat/arm64`
const iosSafari = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1'
const wechatIos = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c)'

const facts = (overrides: Partial<BrowserFacts>): BrowserFacts => ({
  userAgent: androidChrome,
  hasServiceWorker: true,
  hasIndexedDb: true,
  standalone: false,
  ...overrides,
})

describe('detectCapabilityWarnings', () => {
  it('says nothing to Android Chrome, which has everything', () => {
    expect(detectCapabilityWarnings(facts({}))).toEqual([])
  })

  it('suggests the system browser inside WeChat', () => {
    expect(detectCapabilityWarnings(facts({ userAgent: wechatAndroid }))).toEqual(['wechat'])
    expect(detectCapabilityWarnings(facts({ userAgent: wechatIos, hasServiceWorker: false }))).toEqual(['wechat'])
  })

  it('warns a browser without a service worker that it cannot open offline', () => {
    expect(detectCapabilityWarnings(facts({ hasServiceWorker: false }))).toEqual(['noServiceWorker'])
  })

  it('warns when reports cannot be kept on the phone at all', () => {
    expect(detectCapabilityWarnings(facts({ hasIndexedDb: false }))).toContain('noIndexedDb')
  })

  it('tells iPhone Safari users to add the app to the home screen, but not once they have', () => {
    expect(detectCapabilityWarnings(facts({ userAgent: iosSafari }))).toEqual(['ios'])
    expect(detectCapabilityWarnings(facts({ userAgent: iosSafari, standalone: true }))).toEqual([])
  })
})
