/** What this browser lacks for offline-safe reporting; each flag maps to a plain warning. */
export type CapabilityWarning = 'noServiceWorker' | 'noIndexedDb' | 'wechat' | 'ios'

export type BrowserFacts = {
  readonly userAgent: string
  readonly hasServiceWorker: boolean
  readonly hasIndexedDb: boolean
  readonly standalone: boolean
}

export function detectCapabilityWarnings(facts: BrowserFacts): CapabilityWarning[] {
  const warnings: CapabilityWarning[] = []
  const wechat = /MicroMessenger/i.test(facts.userAgent)
  const ios = /iPhone|iPad|iPod/i.test(facts.userAgent)
  if (!facts.hasIndexedDb) warnings.push('noIndexedDb')
  // WeChat's iOS WebView has no service worker: offer the system browser instead.
  if (wechat) warnings.push('wechat')
  else if (!facts.hasServiceWorker) warnings.push('noServiceWorker')
  if (ios && !wechat && !facts.standalone) warnings.push('ios')
  return warnings
}

export function currentBrowserFacts(): BrowserFacts {
  return {
    userAgent: navigator.userAgent,
    hasServiceWorker: 'serviceWorker' in navigator,
    hasIndexedDb: typeof indexedDB !== 'undefined',
    standalone:
      window.matchMedia?.('(display-mode: standalone)').matches === true ||
      (navigator as Navigator & { standalone?: boolean }).standalone === true,
  }
}
