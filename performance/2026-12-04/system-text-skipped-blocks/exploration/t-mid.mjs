export default function transform(h) {
  return h.replace(
    '</head>',
    '<style>.prose-playbook > :where(:nth-child(n+7)):has(li a[href], li button, summary) { content-visibility: visible }</style></head>',
  )
}
