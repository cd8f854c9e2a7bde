export default function transform(h) {
  return h
    .replace(/@font-face\{unicode-range[^}]*\}/g, '')
    .replace(/<link rel="preload" href="[^"]*woff2"[^>]*>/g, '')
    .replace(
      '--font-sans:var(--font-inter), var(--font-inter-rest), "Inter Fallback", "Inter Fallback Roboto", ui-sans-serif, system-ui, sans-serif',
      '--font-sans:-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Inter Fallback", sans-serif',
    )
}
