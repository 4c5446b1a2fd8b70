import type { Role } from '../../../core/protocol.js'

/** Staff and principals have a 待办; GET /api/v1/todo answers no one else. */
export function ownsTodo(role: Role): boolean {
  return role === 'staff' || role === 'principal'
}
