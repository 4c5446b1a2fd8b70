import { v7 as uuidv7 } from 'uuid'
import type { SubmissionEnvelope } from '../src/core/protocol.js'

const CHECKS = [
  'exits', 'emergencyLights', 'drill', 'extinguishers', 'hydrants', 'alarm',
  'miniStation', 'wiring', 'dormAppliances', 'kitchenGas', 'labChemicals', 'responsibility',
] as const

/** A typical text report: a passing 12-item fire-safety self-check of school-1, no photos. */
export function textReport(deviceId: string, now = new Date()): SubmissionEnvelope {
  const answers: Record<string, unknown> = { checkType: 'self', inspector: '王老师', checkDate: now.toISOString().slice(0, 10) }
  for (const check of CHECKS) answers[check] = { result: 'pass' }
  return {
    id: uuidv7(),
    formId: 'fire-safety',
    formVersion: 1,
    schoolId: 'school-1',
    answers: answers as SubmissionEnvelope['answers'],
    attachments: [],
    startedAt: new Date(now.getTime() - 20 * 60_000).toISOString(),
    completedAt: now.toISOString(),
    deviceId,
  }
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
}
