import { fireSafety } from './fire-safety.js'
import { pledgeSigning } from './pledge-signing.js'
import type { FormTemplate } from './types.js'

export * from './types.js'

/** The templates the demo seed publishes. A published template never changes: edit → new version. */
export const defaultTemplates: readonly FormTemplate[] = [fireSafety, pledgeSigning]

export { fireSafety, pledgeSigning }
