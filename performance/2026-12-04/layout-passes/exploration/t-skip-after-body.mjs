// A bound, not a change to ship: skip (content-visibility: auto) the regions after the article's body (the series
// box, the about box, related posts, the next and previous articles) and the site's footer; blocks as shipped.
export default function transform(html) {
  const css =
    '<style>[data-article-body]~*,body>footer{content-visibility:auto;contain-intrinsic-block-size:auto 10rem}</style>'
  return html.replace('</head>', `${css}</head>`)
}
