import type { Router } from 'vue-router'
import { whenIdle } from './ui/whenIdle.js'

type Loader = () => Promise<unknown>

/**
 * Without a service worker nothing is precached: a screen's lazy chunk would fail to load the
 * moment the signal drops ("Unable to preload CSS for OutboxView…"). Loads every phone screen's
 * chunk once, when idle and online, so the rest of the visit works offline. The bureau's
 * workspace is left out: it works online, and a school phone never needs it.
 */
export function warmPhoneScreens(router: Router): void {
  whenIdle(() => {
    if (!navigator.onLine) return
    for (const route of router.getRoutes()) {
      if (route.path.startsWith('/bureau')) continue
      const component = route.components?.['default'] as unknown
      // A lazy route's component is still its loader function; a loaded one is an object.
      if (typeof component === 'function' && !('__name' in component) && !('setup' in component) && !('render' in component)) {
        void (component as Loader)().catch(() => undefined)
      }
    }
  })
}
