/**
 * WordPress's wpautop (wp-includes/formatting.php), ported line for line so classic-editor posts get
 * the paragraphs and line breaks their readers saw: blank lines become `<p>`, single newlines `<br />`.
 * PCRE's `\s` is ASCII whitespace; JavaScript's also matches U+3000 and no-break spaces, which Korean
 * text uses, so `S` spells out PCRE's set.
 */
const S = '[\\t\\n\\v\\f\\r ]'
const ALL_BLOCKS =
  '(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)'

const re = (source: string, flags = 'g') => new RegExp(source.replaceAll('\\s', S), flags)

const BR_PAIR = re('<br\\s*/?>\\s*<br\\s*/?>')
const BLOCK_OPEN = re(`(<${ALL_BLOCKS}[\\s/>])`)
const BLOCK_CLOSE = re(`(</${ALL_BLOCKS}>)`)
const HR = re('(<hr\\s*?/?>)')
const OPTION_BEFORE = re('\\s*<option')
const OPTION_AFTER = re('</option>\\s*')
const OBJECT_OPEN = re('(<object[^>]*>)\\s*')
const OBJECT_CLOSE = re('\\s*</object>')
const PARAM = re('\\s*(</?(?:param|embed)[^>]*>)\\s*')
const MEDIA_OPEN = re('([<\\[](?:audio|video)[^>\\]]*[>\\]])\\s*')
const MEDIA_CLOSE = re('\\s*([<\\[]/(?:audio|video)[>\\]])')
const SOURCE = re('\\s*(<(?:source|track)[^>]*>)\\s*')
const FIGCAPTION_OPEN = re('\\s*(<figcaption[^>]*>)')
const FIGCAPTION_CLOSE = re('</figcaption>\\s*')
const EMPTY_P = re('<p>\\s*</p>')
const UNCLOSED_P = /<p>([^<]+)<\/(div|address|form)>/g
const WRAPPED_BLOCK = re(`<p>\\s*(</?${ALL_BLOCKS}[^>]*>)\\s*</p>`)
const WRAPPED_LI = /<p>(<li.+?)<\/p>/g
const BLOCKQUOTE = /<p><blockquote([^>]*)>/gi
const P_BEFORE_BLOCK = re(`<p>\\s*(</?${ALL_BLOCKS}[^>]*>)`)
const P_AFTER_BLOCK = re(`(</?${ALL_BLOCKS}[^>]*>)\\s*</p>`)
const PRESERVED = /<(script|style|svg|math)[\s\S]*?<\/\1>/g
const NEWLINE_TO_BR = re('(?<!<br />)\\s*\\n')
const BR_AFTER_BLOCK = re(`(</?${ALL_BLOCKS}[^>]*>)\\s*<br />`)
const BR_BEFORE_BLOCK = re('<br />(\\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)')
/** wp_html_split's pieces that are not text: comments, CDATA and tags. */
const TAG_OR_COMMENT = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<[^>]*>?/g

export function wpautop(input: string, br = true): string {
  if (input.trim() === '') return ''
  let text = `${input}\n`
  const preTags = new Map<string, string>()
  if (text.includes('<pre')) {
    const parts = text.split('</pre>')
    const last = parts.pop()!
    text = ''
    let i = 0
    for (const part of parts) {
      const start = part.indexOf('<pre')
      if (start < 0) {
        text += part
        continue
      }
      const name = `<pre wp-pre-tag-${i}></pre>`
      preTags.set(name, `${part.slice(start)}</pre>`)
      text += part.slice(0, start) + name
      i++
    }
    text += last
  }
  text = text.replace(BR_PAIR, '\n\n')
  text = text.replace(BLOCK_OPEN, '\n\n$1')
  text = text.replace(BLOCK_CLOSE, '$1\n\n')
  text = text.replace(HR, '$1\n\n')
  text = text.replace(/\r\n?/g, '\n')
  // Newlines inside tags are not paragraph breaks.
  text = text.replace(TAG_OR_COMMENT, (tag) => tag.replaceAll('\n', ' <!-- wpnl --> '))
  if (text.includes('<option'))
    text = text.replace(OPTION_BEFORE, '<option').replace(OPTION_AFTER, '</option>')
  if (text.includes('</object>'))
    text = text.replace(OBJECT_OPEN, '$1').replace(OBJECT_CLOSE, '</object>').replace(PARAM, '$1')
  if (text.includes('<source') || text.includes('<track'))
    text = text.replace(MEDIA_OPEN, '$1').replace(MEDIA_CLOSE, '$1').replace(SOURCE, '$1')
  if (text.includes('<figcaption'))
    text = text.replace(FIGCAPTION_OPEN, '$1').replace(FIGCAPTION_CLOSE, '</figcaption>')
  text = text.replace(/\n\n+/g, '\n\n')
  const paragraphs = text.split(re('\\n\\s*\\n')).filter((p) => p !== '')
  text = paragraphs.map((p) => `<p>${p.replace(/^\n+|\n+$/g, '')}</p>\n`).join('')
  text = text.replace(EMPTY_P, '')
  text = text.replace(UNCLOSED_P, '<p>$1</p></$2>')
  text = text.replace(WRAPPED_BLOCK, '$1')
  text = text.replace(WRAPPED_LI, '$1')
  text = text.replace(BLOCKQUOTE, '<blockquote$1><p>')
  text = text.replaceAll('</blockquote></p>', '</p></blockquote>')
  text = text.replace(P_BEFORE_BLOCK, '$1')
  text = text.replace(P_AFTER_BLOCK, '$1')
  if (br) {
    text = text.replace(PRESERVED, (m) => m.replaceAll('\n', '<WPPreserveNewline />'))
    text = text.replaceAll('<br>', '<br />').replaceAll('<br/>', '<br />')
    text = text.replace(NEWLINE_TO_BR, '<br />\n')
    text = text.replaceAll('<WPPreserveNewline />', '\n')
  }
  text = text.replace(BR_AFTER_BLOCK, '$1')
  text = text.replace(BR_BEFORE_BLOCK, '$1')
  text = text.replace(/\n<\/p>$/, '</p>')
  for (const [name, pre] of preTags) text = text.replace(name, () => pre)
  if (text.includes('<!-- wpnl -->'))
    text = text.replaceAll(' <!-- wpnl --> ', '\n').replaceAll('<!-- wpnl -->', '\n')
  return text
}
