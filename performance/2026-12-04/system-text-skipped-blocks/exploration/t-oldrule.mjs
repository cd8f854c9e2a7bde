export default function transform(h) {
  return h.replace(
    '</head>',
    '<style>.prose-playbook > :where(:nth-child(n+7)):has(a[href], button, summary, [tabindex], pre) { content-visibility: visible }</style></head>',
  )
}
