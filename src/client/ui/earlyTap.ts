/** What public/first-screen.js leaves on window: the row tapped on the early 待办, and whether the app runs. */
type FirstScreenState = { tap: string | null; live: boolean }

/**
 * Called as the app mounts: from now on Vue answers taps, and the row tapped on the 待办 painted
 * before the app ran (if any) is returned once, for the router to follow. Only an in-app path.
 */
export function takeEarlyTap(): string | null {
  const state = (globalThis as { __firstScreen?: FirstScreenState }).__firstScreen
  if (state === undefined) return null
  state.live = true
  const tap = state.tap
  state.tap = null
  return typeof tap === 'string' && tap.startsWith('/') && !tap.startsWith('//') ? tap : null
}
