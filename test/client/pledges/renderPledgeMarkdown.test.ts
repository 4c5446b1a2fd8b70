import { describe, expect, it } from 'vitest'
import { renderPledgeMarkdown } from '../../../src/client/features/pledges/renderPledgeMarkdown.js'

describe('rendering a pledge text', () => {
  it('renders headings, lists and emphasis', () => {
    const html = renderPledgeMarkdown('## 一、目标\n\n1. 不发生事故；\n2. **限期整改**')
    expect(html).toContain('<h2>一、目标</h2>')
    expect(html).toContain('<ol>')
    expect(html).toContain('<strong>限期整改</strong>')
  })

  it('shows HTML in a text as text, never as markup', () => {
    const html = renderPledgeMarkdown('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>')
    expect(html).not.toContain('<script')
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;script&gt;')
  })

  it('does not turn a javascript: link into a link', () => {
    expect(renderPledgeMarkdown('[点我](javascript:alert(1))')).not.toContain('href')
  })

  it('shows a link to another site as its words only, never as a link or an address to tap', () => {
    for (const source of ['请阅读[补充条款](https://evil.example/phish)。', '<https://evil.example/phish>', '[条款][1]\n\n[1]: //evil.example/x', '[本站](/pledges)']) {
      const html = renderPledgeMarkdown(source)
      expect(html, source).not.toContain('<a')
      expect(html, source).not.toContain('href')
    }
    expect(renderPledgeMarkdown('请阅读[补充条款](https://evil.example/phish)。')).toContain('请阅读补充条款。')
  })

  it('shows an image as its description, so a text cannot load a picture from another site', () => {
    const html = renderPledgeMarkdown('![校徽](https://evil.example/track.png)')
    expect(html).not.toContain('<img')
    expect(html).not.toContain('evil.example')
    expect(html).toContain('校徽')
  })
})
