'use client'

import { useRef, useState, useSyncExternalStore } from 'react'
import { codeToCopy } from '@/lib/browser/copy-code'
import { codeWrapAttribute, codeWrapStorageKey } from '@/lib/browser/theme'

type Status = 'idle' | 'copied' | 'failed'

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

// Whether code blocks wrap their long lines: one choice for the whole site, kept in localStorage and put on <html> by
// the inline theme script before the first paint (lib/browser/theme.ts), so a reload shows the lines as left.
function subscribeToWrap(notify: () => void) {
  addEventListener('playbook-code-wrap', notify)
  addEventListener('storage', notify)
  return () => {
    removeEventListener('playbook-code-wrap', notify)
    removeEventListener('storage', notify)
  }
}
const isWrapping = () => document.documentElement.hasAttribute(codeWrapAttribute)

function setWrapping(wrap: boolean) {
  document.documentElement.toggleAttribute(codeWrapAttribute, wrap)
  try {
    if (wrap) localStorage.setItem(codeWrapStorageKey, '1')
    else localStorage.removeItem(codeWrapStorageKey)
  } catch {
    // Storage is off: the choice lasts for this page.
  }
  dispatchEvent(new Event('playbook-code-wrap'))
}

/**
 * A code block's toolbar, in a row of its own above the code so that it never covers a line: a toggle that wraps
 * long lines in every block (or lets them scroll), and a button that copies the block. Keyboard and touch readers
 * reach both like any button; a status region tells screen readers whether the copy worked. Shell sessions copy
 * their commands without the `$ ` prompts or the output.
 */
export function CodeTools({ label }: { label: string }) {
  const [status, setStatus] = useState<Status>('idle')
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  const wrapping = useSyncExternalStore(subscribeToWrap, isWrapping, () => false)

  async function copy(button: HTMLButtonElement) {
    const pre = button.closest('figure')?.querySelector('pre')
    if (!pre) return
    const lines = [...pre.querySelectorAll('[data-line]')].map((line) => line.textContent ?? '')
    try {
      await writeClipboard(codeToCopy(lines, pre.dataset.language))
      setStatus('copied')
    } catch {
      setStatus('failed')
    }
    clearTimeout(timer.current)
    timer.current = setTimeout(() => setStatus('idle'), 2500)
  }

  return (
    <div className="code-tools">
      <button type="button" className="code-tool" aria-pressed={wrapping} onClick={() => setWrapping(!wrapping)}>
        Wrap lines
      </button>
      <button
        type="button"
        className="code-tool"
        aria-label={status === 'copied' ? `Copied ${label}` : `Copy ${label}`}
        onClick={(event) => void copy(event.currentTarget)}
      >
        {status === 'copied' ? 'Copied' : 'Copy'}
      </button>
      <span role="status" className="sr-only">
        {status === 'copied'
          ? 'Copied to the clipboard'
          : status === 'failed'
            ? 'Could not copy: select the code and copy it with the keyboard'
            : ''}
      </span>
    </div>
  )
}
