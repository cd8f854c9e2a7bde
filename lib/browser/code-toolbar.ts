import { codeToCopy } from './copy-code'
import { codeWrapAttribute, codeWrapStorageKey } from './theme'

/** A toolbar's Wrap button says whether the reader's choice to wrap long lines (one for the whole site) is on. */
function showWrapping(root: ParentNode) {
  const wrapping = document.documentElement.hasAttribute(codeWrapAttribute)
  for (const button of root.querySelectorAll('[data-code-tool="wrap"]'))
    button.setAttribute('aria-pressed', String(wrapping))
}

/** How long a Copy button says "Copied" (and the page's status region says so) after a press. */
export const copiedMessageMs = 2500

/** A Copy button saying that its code is on the clipboard, for the time the page announces it. */
function markCopied(button: HTMLElement) {
  button.textContent = 'Copied'
  button.setAttribute('aria-label', `Copied ${button.dataset.label}`)
}

/** A Copy button as the server wrote it (components/mdx/code-toolbar.tsx), after it said "Copied". */
function resetCopyButton(button: HTMLElement) {
  button.textContent = 'Copy'
  button.setAttribute('aria-label', `Copy ${button.dataset.label}`)
}

async function writeClipboard(text: string) {
  if (navigator.clipboard?.writeText) return navigator.clipboard.writeText(text)
  // Pages served over plain HTTP have no Clipboard API: fall back to a selection and the copy command.
  const area = Object.assign(document.createElement('textarea'), { value: text, readOnly: true })
  area.style.position = 'fixed'
  area.style.opacity = '0'
  document.body.append(area)
  area.select()
  const copied = document.execCommand('copy')
  area.remove()
  if (!copied) throw new Error('copy command refused')
}

/** What the page's two status regions should say: `message` in region `region`, the other one empty. */
export type CodeToolStatus = { message: string; region: 0 | 1 }

/** The attribute of the two status regions that announce what a toolbar's button did. */
export const codeStatusAttribute = 'data-code-status'

/**
 * Makes the code blocks' toolbars work (components/mdx/code-toolbar.tsx), with one listener for the whole page, and
 * returns what stops it. Wrapping is one choice for the whole site, kept in localStorage and put on <html> before the
 * first paint by the theme script (lib/browser/theme.ts). Shell sessions copy their commands without the `$ `
 * prompts or the output. `show` puts what a press did into the page's two status regions: each message goes into
 * the one that is empty. Screen readers speak text added to a live region: the same message set again in the region
 * still showing it (a second copy within 2.5 s) would be no change at all, and emptying the region first works only
 * if the browser's accessibility tree sees it empty in between, which it updates on its own schedule.
 */
export function listenForCodeToolbars(show: (status: CodeToolStatus) => void): () => void {
  // A page's buttons arrive saying that wrapping is off (aria-pressed="false"), so they need telling only when it is
  // on: rewriting every button's state on every article costs a long article a pass over its whole tree.
  if (document.documentElement.hasAttribute(codeWrapAttribute)) showWrapping(document)
  let timer: ReturnType<typeof setTimeout> | undefined
  let copied: HTMLElement | undefined
  let region: 0 | 1 = 0
  let stopped = false
  /** The announcement over: the region emptied, and the button that said "Copied" says "Copy" again. */
  const clear = () => {
    clearTimeout(timer)
    show({ message: '', region })
    if (copied) resetCopyButton(copied)
    copied = undefined
  }
  const announce = (message: string, button?: HTMLElement) => {
    // A copy that finishes after the page has stopped listening has no one to tell.
    if (stopped) return
    region = region === 0 ? 1 : 0
    show({ message, region })
    if (copied) resetCopyButton(copied)
    copied = button
    if (copied) markCopied(copied)
    clearTimeout(timer)
    timer = setTimeout(clear, copiedMessageMs)
  }
  const onClick = async (event: MouseEvent) => {
    const button = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-code-tool]') : null
    if (!button) return
    if (button.dataset.codeTool === 'wrap') {
      const wrap = !document.documentElement.hasAttribute(codeWrapAttribute)
      document.documentElement.toggleAttribute(codeWrapAttribute, wrap)
      try {
        if (wrap) localStorage.setItem(codeWrapStorageKey, '1')
        else localStorage.removeItem(codeWrapStorageKey)
      } catch {
        // Storage is off: the choice lasts for this page.
      }
      showWrapping(document)
      return
    }
    const pre = button.closest('figure')?.querySelector('pre')
    if (!pre) return
    const lines = [...pre.querySelectorAll('[data-line]')].map((line) => line.textContent ?? '')
    try {
      await writeClipboard(codeToCopy(lines, pre.dataset.language))
      announce('Copied to the clipboard', button)
    } catch {
      announce('Could not copy: select the code and copy it with the keyboard')
    }
  }
  const onClickListener = (event: MouseEvent) => void onClick(event)
  // A page the browser kept in its back-forward cache comes back as the reader left it: the Wrap buttons are told
  // the choice as it is now (another page may have changed it; the theme script has restored it on <html>), and a
  // Copy button still saying "Copied" says "Copy" again.
  const onPageShow = (event: PageTransitionEvent) => {
    if (!event.persisted) return
    showWrapping(document)
    clear()
  }
  document.addEventListener('click', onClickListener)
  addEventListener('pageshow', onPageShow)
  return () => {
    stopped = true
    clearTimeout(timer)
    document.removeEventListener('click', onClickListener)
    removeEventListener('pageshow', onPageShow)
  }
}
