// Code tokens in the themes' default colour written as bare text in their line: the spans whose only attribute is
// the default foreground of both themes (github-light-default #1F2328, github-dark-default #E6EDF3), and the bare
// spans of unhighlighted blocks, are unwrapped; the line's colour (the page's ink) draws them.
export default function transform(html) {
  return html
    .replace(/<span style="--shiki-light:#1F2328;--shiki-dark:#E6EDF3">([^<]*)<\/span>/g, '$1')
    .replace(/(<span data-line="">)<span>([^<]*)<\/span>/g, '$1$2')
}
