import { describe, expect, it } from 'vitest'
import type { Severity } from '../../../src/core/forms/types.js'
import type { HazardStatus } from '../../../src/core/protocol.js'
import { WARNING_LEVELS, warningLevel } from '../../../src/core/warningLevel.js'
import { levelConditions, type LevelCondition } from '../../../src/core/warningLevelFilter.js'

function matches(condition: LevelCondition, hazard: { severity: Severity; status: HazardStatus; deadline: string }): boolean {
  if (condition.status !== hazard.status || condition.severity !== hazard.severity) return false
  const { from, before } = condition.deadline ?? {}
  return (from === undefined || hazard.deadline >= from) && (before === undefined || hazard.deadline < before)
}

describe('warning levels as column conditions', () => {
  const today = '2026-03-20'
  const deadlines = ['2026-01-01', '2026-02-17', '2026-02-18', '2026-02-19', '2026-03-19', '2026-03-20', '2026-03-21', '2026-12-31']

  it('selects exactly the hazards warningLevel puts at each level, on both sides of every boundary', () => {
    for (const severity of ['low', 'medium', 'high'] as const) {
      for (const status of ['open', 'rectified', 'closed'] as const) {
        for (const deadline of deadlines) {
          const hazard = { severity, status, deadline }
          for (const level of WARNING_LEVELS) {
            const selected = levelConditions(level, today).some((condition) => matches(condition, hazard))
            expect(selected, `${severity} ${status} ${deadline} at ${level}`).toBe(warningLevel(hazard, today) === level)
          }
        }
      }
    }
  })

  it('a closed hazard is at no level', () => {
    expect(WARNING_LEVELS.flatMap((level) => levelConditions(level, today)).some((condition) => condition.status === 'closed')).toBe(false)
  })
})
