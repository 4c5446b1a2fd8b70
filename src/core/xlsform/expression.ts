import type { Text } from '../text.js'

/**
 * The XLSForm expression subset we read (relevant, constraint, calculation): `${field}`
 * references, `.` for the answer itself, numbers, quoted strings, = != < > <= >=, + - * div mod,
 * and / or, not(), selected(), count(), sum(), round(), decimal-date-time(). Parsed into data, never evaluated as code.
 */
export type XlsExpr =
  | { readonly kind: 'ref'; readonly name: string }
  | { readonly kind: 'self' }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'compare'; readonly op: CompareOp; readonly left: XlsExpr; readonly right: XlsExpr }
  | { readonly kind: 'arith'; readonly op: ArithOp; readonly left: XlsExpr; readonly right: XlsExpr }
  | { readonly kind: 'logic'; readonly op: 'and' | 'or'; readonly left: XlsExpr; readonly right: XlsExpr }
  | { readonly kind: 'call'; readonly name: FunctionName; readonly args: readonly XlsExpr[] }

export type CompareOp = '=' | '!=' | '<' | '>' | '<=' | '>='
export type ArithOp = '+' | '-' | '*' | 'div' | 'mod'
export type FunctionName = 'not' | 'selected' | 'count' | 'sum' | 'round' | 'decimal-date-time' | 'true' | 'false'

const arity: Readonly<Record<FunctionName, number>> = { not: 1, selected: 2, count: 1, sum: 1, round: 2, 'decimal-date-time': 1, true: 0, false: 0 }

export class ExpressionError extends Error {
  readonly text: Text
  constructor(text: Text) {
    super(text.en)
    this.text = text
  }
}

type Token =
  | { readonly t: 'ref'; readonly name: string }
  | { readonly t: 'num'; readonly value: number }
  | { readonly t: 'str'; readonly value: string }
  | { readonly t: 'op'; readonly op: string }
  | { readonly t: 'word'; readonly word: string }

const operators = ['<=', '>=', '!=', '=', '<', '>', '+', '-', '*', '(', ')', ',', '.']

function tokenize(source: string): Token[] {
  const tokens: Token[] = []
  let at = 0
  while (at < source.length) {
    const rest = source.slice(at)
    const space = /^\s+/.exec(rest)
    if (space) { at += space[0].length; continue }
    const ref = /^\$\{([^}]*)\}/.exec(rest)
    if (ref) { tokens.push({ t: 'ref', name: (ref[1] ?? '').trim() }); at += ref[0].length; continue }
    const num = /^(\d+(\.\d+)?|\.\d+)/.exec(rest)
    if (num) { tokens.push({ t: 'num', value: Number(num[0]) }); at += num[0].length; continue }
    const quote = rest[0]
    if (quote === "'" || quote === '"') {
      const end = rest.indexOf(quote, 1)
      if (end < 0) throw new ExpressionError({ zh: `第 ${at + 1} 个字符起的引号没有结束`, en: `the quote at character ${at + 1} is not closed` })
      tokens.push({ t: 'str', value: rest.slice(1, end) })
      at += end + 1
      continue
    }
    const word = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(rest)
    if (word) { tokens.push({ t: 'word', word: word[0] }); at += word[0].length; continue }
    const op = operators.find((candidate) => rest.startsWith(candidate))
    if (op) { tokens.push({ t: 'op', op }); at += op.length; continue }
    throw new ExpressionError({ zh: `第 ${at + 1} 个字符 '${rest[0]}' 无法识别`, en: `character ${at + 1} '${rest[0]}' is not understood` })
  }
  return tokens
}

const compareOps: readonly string[] = ['=', '!=', '<', '>', '<=', '>=']

/** Parses one expression; throws ExpressionError with a bilingual reason. */
export function parseExpression(source: string): XlsExpr {
  const tokens = tokenize(source)
  let at = 0
  const peek = () => tokens[at]
  const isOp = (op: string) => { const token = peek(); return token?.t === 'op' && token.op === op }
  const isWord = (word: string) => { const token = peek(); return token?.t === 'word' && token.word === word }
  const expect = (op: string) => {
    if (!isOp(op)) throw new ExpressionError({ zh: `缺少 '${op}'`, en: `'${op}' expected` })
    at++
  }

  const primary = (): XlsExpr => {
    const token = peek()
    if (token === undefined) throw new ExpressionError({ zh: '表达式不完整', en: 'the expression is incomplete' })
    at++
    switch (token.t) {
      case 'ref':
        if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(token.name)) throw new ExpressionError({ zh: `引用 \${${token.name}} 不是有效的编号`, en: `the reference \${${token.name}} is not a valid name` })
        return { kind: 'ref', name: token.name }
      case 'num':
        return { kind: 'number', value: token.value }
      case 'str':
        return { kind: 'string', value: token.value }
      case 'op':
        if (token.op === '.') return { kind: 'self' }
        if (token.op === '(') { const inner = or(); expect(')'); return inner }
        if (token.op === '-') {
          const operand = primary()
          return operand.kind === 'number' ? { kind: 'number', value: -operand.value } : { kind: 'arith', op: '-', left: { kind: 'number', value: 0 }, right: operand }
        }
        throw new ExpressionError({ zh: `此处不应出现 '${token.op}'`, en: `'${token.op}' is out of place` })
      case 'word': {
        if (!isOp('(')) throw new ExpressionError({ zh: `'${token.word}' 不是字段引用；字段请写成 \${${token.word}}`, en: `'${token.word}' is not a field reference; write \${${token.word}}` })
        if (!(token.word in arity)) throw new ExpressionError({ zh: `不支持函数 ${token.word}()`, en: `the function ${token.word}() is not supported` })
        const name = token.word as FunctionName
        at++
        const args: XlsExpr[] = []
        if (!isOp(')')) {
          args.push(or())
          while (isOp(',')) { at++; args.push(or()) }
        }
        expect(')')
        if (args.length !== arity[name]) throw new ExpressionError({ zh: `${name}() 需要 ${arity[name]} 个参数`, en: `${name}() takes ${arity[name]} argument(s)` })
        return { kind: 'call', name, args }
      }
    }
  }
  const mul = (): XlsExpr => {
    let left = primary()
    for (;;) {
      const op = isOp('*') ? '*' : isWord('div') ? 'div' : isWord('mod') ? 'mod' : undefined
      if (op === undefined) return left
      at++
      left = { kind: 'arith', op, left, right: primary() }
    }
  }
  const add = (): XlsExpr => {
    let left = mul()
    while (isOp('+') || isOp('-')) {
      const op = (peek() as { op: '+' | '-' }).op
      at++
      left = { kind: 'arith', op, left, right: mul() }
    }
    return left
  }
  const compare = (): XlsExpr => {
    const left = add()
    const token = peek()
    if (token?.t === 'op' && compareOps.includes(token.op)) {
      at++
      return { kind: 'compare', op: token.op as CompareOp, left, right: add() }
    }
    return left
  }
  const and = (): XlsExpr => {
    let left = compare()
    while (isWord('and')) { at++; left = { kind: 'logic', op: 'and', left, right: compare() } }
    return left
  }
  const or = (): XlsExpr => {
    let left = and()
    while (isWord('or')) { at++; left = { kind: 'logic', op: 'or', left, right: and() } }
    return left
  }

  if (tokens.length === 0) throw new ExpressionError({ zh: '表达式为空', en: 'the expression is empty' })
  const expr = or()
  const extra = peek()
  if (extra !== undefined) throw new ExpressionError({ zh: '表达式后面有多余内容', en: 'something follows the end of the expression' })
  return expr
}

const precedence: Readonly<Record<XlsExpr['kind'], number>> = { logic: 1, compare: 3, arith: 4, ref: 9, self: 9, number: 9, string: 9, call: 9 }

function level(expr: XlsExpr): number {
  if (expr.kind === 'logic') return expr.op === 'or' ? 1 : 2
  if (expr.kind === 'arith') return expr.op === '+' || expr.op === '-' ? 4 : 5
  return precedence[expr.kind]
}

/** Writes an expression back in XLSForm syntax, with parentheses only where needed. */
export function printExpression(expr: XlsExpr): string {
  const wrap = (inner: XlsExpr, min: number) => (level(inner) < min ? `(${printExpression(inner)})` : printExpression(inner))
  switch (expr.kind) {
    case 'ref': return `\${${expr.name}}`
    case 'self': return '.'
    case 'number': return String(expr.value)
    case 'string': return expr.value.includes("'") ? `"${expr.value}"` : `'${expr.value}'`
    case 'call': return `${expr.name}(${expr.args.map(printExpression).join(', ')})`
    case 'compare': return `${wrap(expr.left, 4)} ${expr.op} ${wrap(expr.right, 4)}`
    case 'logic': { const mine = level(expr); return `${wrap(expr.left, mine)} ${expr.op} ${wrap(expr.right, mine + 1)}` }
    case 'arith': { const mine = level(expr); return `${wrap(expr.left, mine)} ${expr.op} ${wrap(expr.right, mine + 1)}` }
  }
}

/** Every `${name}` an expression reads, in order of first use. */
export function referencesOf(expr: XlsExpr): string[] {
  const names: string[] = []
  const walk = (node: XlsExpr): void => {
    if (node.kind === 'ref') { if (!names.includes(node.name)) names.push(node.name) }
    else if (node.kind === 'call') node.args.forEach(walk)
    else if (node.kind === 'compare' || node.kind === 'arith' || node.kind === 'logic') { walk(node.left); walk(node.right) }
  }
  walk(expr)
  return names
}
