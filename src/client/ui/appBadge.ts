/**
 * The count on the app's icon where the platform has one (installed PWAs on Android, Windows,
 * macOS; iOS 16.4+ home-screen apps). Elsewhere nothing happens: the tab bar shows the count anyway.
 */
export function showAppBadge(count: number): void {
  if (!('setAppBadge' in navigator)) return
  const done = count > 0 ? navigator.setAppBadge(count) : navigator.clearAppBadge()
  // Refused (no permission to badge, a document not allowed to): the tab's count still stands.
  done.catch(() => undefined)
}
