'use client'

import { useRef, useState } from 'react'
import { codeToCopy } from '@/lib/browser/copy-code'

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

/**
 * Copies the code block it sits in. Keyboard and touch readers reach it like any button; a status region tells
 * screen readers whether it worked. Shell sessions copy their commands without the `$ ` prompts or the output.
 */
export function CopyCodeButton({ label }: { label: string }) {
  const [status, setStatus] = useState<Status>('idle')
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)

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
    <>
      <button
        type="button"
        className="copy-code"
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
    </>
  )
}
