import { codeWrapAttribute } from '@/lib/browser/theme'

/** A toolbar's Wrap button says whether the reader's choice to wrap long lines (one for the whole site) is on. */
export function showWrapping(root: ParentNode) {
  const wrapping = document.documentElement.hasAttribute(codeWrapAttribute)
  for (const button of root.querySelectorAll('[data-code-tool="wrap"]'))
    button.setAttribute('aria-pressed', String(wrapping))
}

/** How long a Copy button says "Copied" (and the page's status region says so) after a press. */
export const copiedMessageMs = 2500

/** A Copy button saying that its code is on the clipboard, for the time the page announces it. */
export function markCopied(button: HTMLElement) {
  button.textContent = 'Copied'
  button.setAttribute('aria-label', `Copied ${button.dataset.label}`)
}

/** A Copy button as the server wrote it (components/mdx/code-toolbar.tsx), after it said "Copied". */
export function resetCopyButton(button: HTMLElement) {
  button.textContent = 'Copy'
  button.setAttribute('aria-label', `Copy ${button.dataset.label}`)
}

/**
 * Toolbars that come back into the page as they were when it was last shown (components/article-body.tsx): the
 * Wrap buttons are told the choice as it is now, which another page may have changed, and Copy buttons that still
 * said "Copied" say "Copy" again.
 */
export function refreshCodeToolbars(root: ParentNode) {
  showWrapping(root)
  for (const button of root.querySelectorAll<HTMLElement>('[data-code-tool="copy"]')) resetCopyButton(button)
}
