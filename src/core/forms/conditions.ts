import { isCheckAnswer } from '../answerShapes.js'
import { isBlank, type Scope } from './scope.js'
import type { Comparison, Condition, FieldValue } from './types.js'

function compareNumbers(left: number, cmp: Comparison, right: number): boolean {
  switch (cmp) {
    case 'eq': return left === right
    case 'ne': return left !== right
    case 'lt': return left < right
    case 'lte': return left <= right
    case 'gt': return left > right
    case 'gte': return left >= right
  }
}

function compareStrings(left: string, cmp: Comparison, right: string): boolean {
  // Code-unit order: ISO dates (YYYY-MM-DD) compare as days, option values as written.
  const order = left < right ? -1 : left > right ? 1 : 0
  return compareNumbers(order, cmp, 0)
}

/** A comparison on an unanswered field, or across kinds (a number against text), is false. */
function compareValue(value: FieldValue | undefined, cmp: Comparison, right: string | number): boolean {
  if (isBlank(value)) return false
  if (typeof value === 'number') return typeof right === 'number' && compareNumbers(value, cmp, right)
  if (typeof value === 'string') return typeof right === 'string' && compareStrings(value, cmp, right)
  if (isCheckAnswer(value)) return typeof right === 'string' && compareStrings(value.result, cmp, right)
  return false
}

function isSelected(value: FieldValue | undefined, option: string): boolean {
  if (Array.isArray(value)) return value.includes(option)
  if (typeof value === 'string') return value === option
  return isCheckAnswer(value) && value.result === option
}

/** Whether a condition holds for the answers in scope; pure, no eval, the same on phone and server. */
export function evaluateCondition(condition: Condition, scope: Scope): boolean {
  switch (condition.op) {
    case 'answered':
      return !isBlank(scope.value(condition.field))
    case 'selected':
      return isSelected(scope.value(condition.field), condition.value)
    case 'and':
      return condition.conditions.every((each) => evaluateCondition(each, scope))
    case 'or':
      return condition.conditions.some((each) => evaluateCondition(each, scope))
    case 'not':
      return !evaluateCondition(condition.condition, scope)
    case 'count':
      return compareNumbers(scope.instances(condition.repeat).length, condition.cmp, condition.value)
    default:
      return compareValue(scope.value(condition.field), condition.op, condition.value)
  }
}
