// The unmodified arm: the page as built, delivered through the same proxy.
export default function transform(html) {
  return html
}
