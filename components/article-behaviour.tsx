'use client'

import { useEffect, useState } from 'react'
import { copiedMessageMs, markCopied, resetCopyButton, showWrapping } from '@/lib/browser/code-toolbar'
import { codeToCopy } from '@/lib/browser/copy-code'
import { codeWrapAttribute, codeWrapStorageKey } from '@/lib/browser/theme'

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
 * What makes an article's static body interactive, with one listener for the page: the code blocks' toolbars
 * (components/mdx/code-toolbar.tsx). Wrapping is one choice for the whole site, kept in localStorage and put on
 * <html> before the first paint by the theme script (lib/browser/theme.ts). Shell sessions copy their commands
 * without the `$ ` prompts or the output. Two status regions tell screen readers what a press did.
 */
export function ArticleBehaviour() {
  const [status, setStatus] = useState({ message: '', region: 0 })
  useEffect(() => {
    // A page's buttons arrive saying that wrapping is off (aria-pressed="false"; buttons moved back into a page the
    // reader returns to are brought up to date as they move, components/article-body.tsx), so they need telling only
    // when it is on: rewriting every button's state on every article costs a long article a pass over its whole tree.
    if (document.documentElement.hasAttribute(codeWrapAttribute)) showWrapping(document)
    let timer: ReturnType<typeof setTimeout> | undefined
    let copied: HTMLElement | undefined
    let left = false
    const announce = (message: string, button?: HTMLElement) => {
      // A copy that finishes after the reader has left the page has no one to tell.
      if (left) return
      // Each message goes into the other of the two status regions, the one that is empty. Screen readers speak
      // text added to a live region: the same message set again in the region still showing it (a second copy
      // within 2.5 s) would be no change at all, and emptying the region first works only if the browser's
      // accessibility tree sees it empty in between, which it updates on its own schedule.
      setStatus((last) => ({ message, region: 1 - last.region }))
      if (copied) resetCopyButton(copied)
      copied = button
      if (copied) markCopied(copied)
      clearTimeout(timer)
      timer = setTimeout(() => {
        setStatus((last) => ({ ...last, message: '' }))
        if (copied) resetCopyButton(copied)
        copied = undefined
      }, copiedMessageMs)
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
    document.addEventListener('click', onClickListener)
    return () => {
      // A button left saying "Copied" says "Copy" again if the reader comes back: the opened article's toolbars are
      // brought up to date as its nodes move back in (components/article-body.tsx), and an article reached by the
      // router is rendered afresh. A page kept hidden and shown again as it was (Next's cacheComponents, not on
      // here) would need the reset here.
      left = true
      clearTimeout(timer)
      document.removeEventListener('click', onClickListener)
    }
  }, [])
  return (
    <>
      <p role="status" className="sr-only">
        {status.region === 0 ? status.message : ''}
      </p>
      <p role="status" className="sr-only">
        {status.region === 1 ? status.message : ''}
      </p>
    </>
  )
}
