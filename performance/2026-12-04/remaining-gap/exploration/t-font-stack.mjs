// The bound of what the text and code stacks' font lookups cost on Linux: both stacks cut to the face this machine
// draws them in (Playbook Sans from Liberation Sans, Liberation Mono), so that Chromium looks up no missing family.
export default function transform(html) {
  return html
    .replaceAll(
      '--font-sans:-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Playbook Sans", sans-serif',
      '--font-sans:"Playbook Sans", sans-serif',
    )
    .replaceAll(
      '--font-mono:ui-monospace, "SFMono-Regular", "SF Mono", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace',
      '--font-mono:"Liberation Mono", monospace',
    )
}
