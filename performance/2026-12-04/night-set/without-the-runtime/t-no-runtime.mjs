// Bound: the page without Next.js's runtime: its script files, their preloads, the router payload and Turbopack's
// inline chunk list removed. The site's own inline scripts stay (the theme script in <head>, the search shortcut, the
// JSON-LD), so the page keeps its theme; the copy buttons, the contents' marker, intent prefetching and client-side
// navigation are gone with React, and nothing stands in for them.
export default function transform(html) {
  return html
    .replace(/<script\b[^>]*\bsrc="\/_next\/[^"]*"[^>]*><\/script>/g, '')
    .replace(/<script\b[^>]*>(?:(?!<\/script>)[\s\S])*?(?:__next_f|TURBOPACK)(?:(?!<\/script>)[\s\S])*<\/script>/g, '')
    .replace(/<link\b[^>]*\bas="script"[^>]*>/g, '')
}
