import { describe, expect, it } from 'vitest'
import { defuseFormula, sheetNames } from '../../../src/core/spreadsheetText.js'

describe('defuseFormula', () => {
  it('prefixes an apostrophe to text a spreadsheet would read as a formula (OWASP CSV injection)', () => {
    for (const text of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("http://evil.example","点我")']) {
      expect(defuseFormula(text), JSON.stringify(text)).toBe(`'${text}`)
    }
  })

  it('defuses the full-width and small forms a Chinese input method types (＝ ＋ － ＠ ﹦ ﹢ ﹣)', () => {
    for (const text of ['＝1+1', '＋1', '－1', '＠SUM(A1)', '﹦1+1', '﹢1', '﹣1']) {
      expect(defuseFormula(text), text).toBe(`'${text}`)
    }
  })

  it('leaves ordinary text alone, including a formula character that does not lead', () => {
    for (const text of ['', '合格', '1+1=2', 'a=b', "'=1", ' 备注 =1', 'https://report.example.cn/x']) {
      expect(defuseFormula(text), text).toBe(text)
    }
  })
})

describe('sheetNames', () => {
  it('replaces the characters Excel refuses in a sheet name, keeping the rest', () => {
    expect(sheetNames(['消防[安全]:自查*?/\\'])).toEqual(['消防_安全__自查____'])
  })

  it('cuts a name to 31 characters, and never leaves an apostrophe at either end', () => {
    const [long] = sheetNames(['校'.repeat(40)])
    expect(long).toBe('校'.repeat(31))
    expect(sheetNames(["'引号'"])).toEqual(['引号'])
    expect(sheetNames(["''"])).toEqual(['Sheet1'])
  })

  it('gives an empty or reserved name a placeholder, and duplicates (compared as Excel does, ignoring case) a number', () => {
    expect(sheetNames(['', 'History', '表', '表', 'ABC', 'abc'])).toEqual(['Sheet1', 'Sheet2', '表', '表 (2)', 'ABC', 'abc (2)'])
  })

  it('keeps a numbered duplicate within 31 characters', () => {
    const names = sheetNames(['校'.repeat(40), '校'.repeat(35)])
    expect(names[1]).toBe(`${'校'.repeat(27)} (2)`)
    for (const name of names) expect(name.length).toBeLessThanOrEqual(31)
  })
})
