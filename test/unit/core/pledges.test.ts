import { describe, expect, it } from 'vitest'
import {
  audienceOfRole,
  canonicalPledgeText,
  normalisePledgeText,
  pledgeDaysOverdue,
  pledgeSigning,
  pledgeTextHash,
  pledgeVersionId,
  sha256Hex,
  signingKey,
  validateAnswers,
  type PledgeContent,
} from '../../../src/core/index.js'

const content: PledgeContent = {
  pledgeId: 'safe-campus-2026',
  version: 1,
  year: 2026,
  audience: 'principal',
  title: { zh: '平安校园创建目标管理责任书', en: 'Safe campus target responsibility letter' },
  text: { zh: '## 一、目标\n\n全年不发生安全责任事故。', en: '## 1. Target\n\nNo safety accident for which the school is responsible.' },
}

describe('the canonical text of a pledge', () => {
  it('is canonical JSON of the id, version, year, audience, titles and texts', () => {
    expect(canonicalPledgeText(content)).toBe(
      '{"audience":"principal","pledgeId":"safe-campus-2026",' +
        '"text":{"en":"## 1. Target\\n\\nNo safety accident for which the school is responsible.","zh":"## 一、目标\\n\\n全年不发生安全责任事故。"},' +
        '"title":{"en":"Safe campus target responsibility letter","zh":"平安校园创建目标管理责任书"},"version":1,"year":2026}',
    )
  })

  it('hashes to the SHA-256 of those bytes', async () => {
    expect(await pledgeTextHash(content)).toBe(await sha256Hex(canonicalPledgeText(content)))
    expect(await pledgeTextHash(content)).toMatch(/^[0-9a-f]{64}$/)
  })

  it('does not change with Windows line ends, trailing blanks or leading and trailing blank lines', async () => {
    const messy = { ...content, text: { zh: '\r\n## 一、目标  \r\n\r\n全年不发生安全责任事故。\t\r\n\r\n', en: content.text.en } }
    expect(await pledgeTextHash(messy)).toBe(await pledgeTextHash(content))
  })

  it('does not change when a character is written decomposed (NFD) instead of composed', () => {
    expect(normalisePledgeText('Cafe\u0301')).toBe('Café')
  })

  it('changes when one character of the Chinese text changes', async () => {
    const edited = { ...content, text: { ...content.text, zh: content.text.zh.replace('全年', '全学年') } }
    expect(await pledgeTextHash(edited)).not.toBe(await pledgeTextHash(content))
  })

  it('changes when only the English translation changes', async () => {
    const edited = { ...content, text: { ...content.text, en: `${content.text.en}!` } }
    expect(await pledgeTextHash(edited)).not.toBe(await pledgeTextHash(content))
  })

  it('changes with the version even when the words are the same, so a new version asks for a new signature', async () => {
    expect(await pledgeTextHash({ ...content, version: 2 })).not.toBe(await pledgeTextHash(content))
  })

  it('keeps blank lines inside the text, which Markdown reads as paragraph breaks', () => {
    expect(normalisePledgeText('a\n\nb')).not.toBe(normalisePledgeText('a\nb'))
  })
})

describe('pledge signing rules in core', () => {
  it('a version id joins the pledge id and version', () => {
    expect(pledgeVersionId('safe-campus-2026', 3)).toBe('safe-campus-2026-v3')
  })

  it('principals sign principal pledges, staff sign staff pledges, bureau roles sign nothing', () => {
    expect(audienceOfRole('principal')).toBe('principal')
    expect(audienceOfRole('staff')).toBe('staff')
    expect(audienceOfRole('bureau')).toBeNull()
    expect(audienceOfRole('inspector')).toBeNull()
    expect(audienceOfRole('admin')).toBeNull()
  })

  it('a principal pledge is signed once per school, a staff pledge once per person', () => {
    expect(signingKey('principal', 'school-1', 'user-a')).toBe(signingKey('principal', 'school-1', 'user-b'))
    expect(signingKey('staff', 'school-1', 'user-a')).not.toBe(signingKey('staff', 'school-1', 'user-b'))
  })

  it('the signing form needs a name, the text hash and a drawn signature', () => {
    const issues = validateAnswers(pledgeSigning, {})
    expect(issues.map((issue) => issue.fieldId).sort()).toEqual(['signature', 'signerName', 'textHash'])
    expect(validateAnswers(pledgeSigning, { signerName: '王校长', textHash: 'a'.repeat(64), signature: 'b'.repeat(64) })).toEqual([])
  })
})

describe('when an unsigned pledge is overdue', () => {
  it('is not overdue on its due date, and one day overdue the day after', () => {
    expect(pledgeDaysOverdue('2026-12-01', '2026-12-01')).toBe(0)
    expect(pledgeDaysOverdue('2026-12-01', '2026-11-20')).toBe(0)
    expect(pledgeDaysOverdue('2026-12-01', '2026-12-02')).toBe(1)
    expect(pledgeDaysOverdue('2026-02-28', '2026-03-31')).toBe(31)
  })
})
