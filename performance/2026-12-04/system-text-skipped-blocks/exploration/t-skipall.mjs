export default function transform(h) {
  return h.replace(
    '</head>',
    '<style>.prose-playbook > :nth-child(n+4) { content-visibility: auto; contain-intrinsic-block-size: auto 10rem; }</style></head>',
  )
}
