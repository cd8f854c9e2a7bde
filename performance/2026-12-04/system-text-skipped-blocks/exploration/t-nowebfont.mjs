export default function transform(h) {
  return h.replace(/@font-face\{unicode-range[^}]*\}/g, '').replace(/<link rel="preload" href="[^"]*woff2"[^>]*>/g, '')
}
