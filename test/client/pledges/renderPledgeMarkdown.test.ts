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
})
