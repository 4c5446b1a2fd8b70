import { TZDate } from '@date-fns/tz'
import { differenceInCalendarDays } from 'date-fns'
import { isIsoDate } from '../dates.js'
import type { Scope } from './scope.js'
import type { Expr } from './types.js'

const ZONE = 'Asia/Shanghai'

function day(value: unknown): TZDate | undefined {
  if (typeof value !== 'string' || !isIsoDate(value)) return undefined
  const [year, month, date] = value.split('-').map(Number) as [number, number, number]
  return new TZDate(year, month - 1, date, ZONE)
}

function fold(op: '+' | '-' | '*' | '/', values: readonly number[]): number | undefined {
  const [first, ...rest] = values
  if (first === undefined) return undefined
  let acc = first
  for (const value of rest) {
    if (op === '+') acc += value
    else if (op === '-') acc -= value
    else if (op === '*') acc *= value
    else if (value === 0) return undefined
    else acc /= value
  }
  return acc
}

function evaluate(expr: Expr, scope: Scope): number | undefined {
  if (typeof expr === 'number') return expr
  if (!('op' in expr)) {
    const value = scope.value(expr.field)
    return typeof value === 'number' ? value : undefined
  }
  switch (expr.op) {
    case 'daysBetween': {
      const from = day(scope.value(expr.from))
      const to = day(scope.value(expr.to))
      return from && to ? differenceInCalendarDays(to, from) : undefined
    }
    case 'count':
      return scope.instances(expr.repeat).length
    case 'sum':
      // A blank in one instance counts as 0, as a sum rule's blankIsZero does: one bus without a figure must not blank the total.
      return scope.instances(expr.repeat).reduce((acc, instance) => {
        const value = instance[expr.field]
        return acc + (typeof value === 'number' ? value : 0)
      }, 0)
    case 'round': {
      const value = evaluate(expr.arg, scope)
      if (value === undefined) return undefined
      const scale = 10 ** expr.digits
      return Math.round(value * scale) / scale
    }
    default: {
      const values = expr.args.map((arg) => evaluate(arg, scope))
      if (values.some((value) => value === undefined)) return undefined
      return fold(expr.op, values as number[])
    }
  }
}

/**
 * The value of a calculation, or undefined when an input is blank or it divides by zero. The
 * phone and the server run this same code on the same answers, so the stored number is compared
 * exactly.
 */
export function evaluateExpr(expr: Expr, scope: Scope): number | undefined {
  const value = evaluate(expr, scope)
  // -0 is written "0" in JSON: normalise it so the stored answer equals the recomputed one.
  return value === undefined || !Number.isFinite(value) ? undefined : value === 0 ? 0 : value
}
