// Bound: every script removed (no hydration, no framework): the HTML and CSS alone.
export default function transform(html) {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<link[^>]*rel="(?:preload|modulepreload)"[^>]*as="script"[^>]*>/g, '')
}
