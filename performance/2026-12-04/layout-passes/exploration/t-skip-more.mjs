// A bound, not a change to ship: skip (content-visibility: auto) every article block from the third on, whatever it
// holds, and the regions after the article's body (the series box, the about box, related posts, the next and
// previous articles, the site's footer), to see how much of the load's style and layout is theirs.
export default function transform(html) {
  const css =
    '<style>.prose-playbook>:nth-child(n+3),[data-article-body]~*,body>footer{content-visibility:auto;contain-intrinsic-block-size:auto 10rem}</style>'
  return html.replace('</head>', `${css}</head>`)
}
