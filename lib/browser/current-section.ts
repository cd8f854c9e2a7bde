/** The class of the table of contents' links (components/table-of-contents.tsx). */
export const tocLinkClass = 'toc-link'

/**
 * Marks the section being read in the table of contents (aria-current="location" on its links) as the reader
 * scrolls, and returns what stops it. `ids` are the headings' ids, in the order of the page.
 */
export function watchCurrentSection(ids: string[]): () => void {
  const headings = ids.map((id) => document.getElementById(id)).filter((heading) => heading !== null)
  const links = [...document.querySelectorAll<HTMLAnchorElement>(`a.${tocLinkClass}`)]
  const mark = () => {
    // The current section is the last heading above a line a fifth of the way down the viewport.
    const line = window.innerHeight / 5
    let current = headings[0]
    // At the very bottom, the last sections may never reach that line: the lowest heading in view is current.
    const atBottom = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2
    for (const heading of headings) {
      if (heading.getBoundingClientRect().top <= (atBottom ? window.innerHeight : line)) current = heading
      else break
    }
    for (const link of links) {
      if (current && link.getAttribute('href') === `#${current.id}`) link.setAttribute('aria-current', 'location')
      else link.removeAttribute('aria-current')
    }
  }
  let frame = 0
  const onScroll = () => {
    cancelAnimationFrame(frame)
    frame = requestAnimationFrame(mark)
  }
  mark()
  window.addEventListener('scroll', onScroll, { passive: true })
  window.addEventListener('resize', onScroll)
  return () => {
    cancelAnimationFrame(frame)
    window.removeEventListener('scroll', onScroll)
    window.removeEventListener('resize', onScroll)
  }
}

/** The ids of the headings the page's table of contents links to, in its order, each once. */
export function tableOfContentsIds(): string[] {
  const links = document.querySelectorAll<HTMLAnchorElement>(`a.${tocLinkClass}`)
  // The href as written (`#` and the id), not link.hash, which percent-encodes an id that is not ASCII.
  return [...new Set([...links].map((link) => link.getAttribute('href')?.slice(1) ?? '').filter(Boolean))]
}
