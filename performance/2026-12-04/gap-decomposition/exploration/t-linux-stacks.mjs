// Bound: the text and code stacks without the names no Linux system has (Apple's and Windows' faces), as a
// platform-chosen stack would give Linux: the same faces here, fewer font lookups.
import { editStyle } from './t-css.mjs'
const transform = editStyle((css) =>
  css
    .replaceAll(
      '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Playbook Sans", sans-serif',
      'Roboto, "Playbook Sans", sans-serif',
    )
    .replaceAll(
      '-apple-system,BlinkMacSystemFont,Segoe UI,Roboto,Playbook Sans,sans-serif',
      'Roboto,Playbook Sans,sans-serif',
    )
    .replaceAll(
      'ui-monospace, "SFMono-Regular", "SF Mono", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace',
      '"Liberation Mono", "DejaVu Sans Mono", monospace',
    )
    .replaceAll(
      'ui-monospace,SFMono-Regular,SF Mono,Menlo,Consolas,Liberation Mono,DejaVu Sans Mono,monospace',
      'Liberation Mono,DejaVu Sans Mono,monospace',
    ),
)
export default transform
