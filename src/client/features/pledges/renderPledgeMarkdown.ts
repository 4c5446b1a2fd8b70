import MarkdownIt from 'markdown-it'

// html: false — any HTML in a text is shown as text, never run; markdown-it also refuses
// javascript:/vbscript:/data: links. Kept in the pledge chunk, away from the first screen.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false })

/** A pledge text as safe HTML for v-html. */
export function renderPledgeMarkdown(source: string): string {
  return markdown.render(source)
}
