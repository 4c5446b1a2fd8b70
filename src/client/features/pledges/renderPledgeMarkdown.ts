import MarkdownIt from 'markdown-it'

// html: false — any HTML in a text is shown as text, never run; markdown-it also refuses
// javascript:/vbscript:/data: links. Kept in the pledge chunk, away from the first screen.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false })

// A pledge is a document to read and sign, not a page to leave: a link in it (even one a
// bureau's account was tricked into publishing) could send a principal to a look-alike sign-in
// page. Links keep their words and lose their target; images keep only their description, so a
// text cannot load anything from another site either.
markdown.renderer.rules['link_open'] = () => ''
markdown.renderer.rules['link_close'] = () => ''
markdown.renderer.rules['image'] = (tokens, index, options, env, self) =>
  markdown.utils.escapeHtml(self.renderInlineAsText(tokens[index]?.children ?? [], options, env))

/** A pledge text as safe HTML for v-html. */
export function renderPledgeMarkdown(source: string): string {
  return markdown.render(source)
}
