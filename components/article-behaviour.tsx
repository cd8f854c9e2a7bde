'use client'

import { useEffect, useState } from 'react'
import { codeStatusAttribute, listenForCodeToolbars, type CodeToolStatus } from '@/lib/browser/code-toolbar'

/**
 * What makes an article's static body interactive when React renders the article (a reader who came from a page
 * that keeps Next's runtime): the code blocks' toolbars, with one listener for the page (lib/browser/code-toolbar.ts),
 * and the two status regions that tell screen readers what a press did. An article loaded as a page carries no
 * React at all (lib/site/without-runtime.ts): the same listener then runs from lib/browser/page-script.ts, and writes
 * into the regions the server rendered here.
 */
export function ArticleBehaviour() {
  const [status, setStatus] = useState<CodeToolStatus>({ message: '', region: 0 })
  // An article reached by the router is rendered afresh, its buttons saying "Copy" as the server wrote them. A page
  // kept hidden and shown again as it was (Next's cacheComponents, not on here) would need them reset on leaving.
  useEffect(() => listenForCodeToolbars(setStatus), [])
  const regionProps = { role: 'status', className: 'sr-only', [codeStatusAttribute]: '' }
  return (
    <>
      <p {...regionProps}>{status.region === 0 ? status.message : ''}</p>
      <p {...regionProps}>{status.region === 1 ? status.message : ''}</p>
    </>
  )
}
