/** What the 404 page needs to know of a post to suggest it. */
export type Suggestible = { slug: string; title: string }

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    previous = current
  }
  return previous[b.length]
}

function similarity(a: string, b: string): number {
  return a.length === 0 && b.length === 0 ? 1 : 1 - editDistance(a, b) / Math.max(a.length, b.length)
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1)
}

/** The words a mistyped address was after: its last path segment, decoded and split on anything but letters. */
export function wantedWords(pathname: string): string[] {
  const segment = pathname.split('/').filter(Boolean).pop() ?? ''
  let decoded = segment
  try {
    decoded = decodeURIComponent(segment)
  } catch {
    // A malformed escape is still worth matching as written.
  }
  return words(decoded.replace(/\.(html?|md|php|aspx?)$/i, ''))
}

/**
 * The posts whose address or title is closest to a mistyped one, best first. A post counts when most of what was
 * typed matches its slug, or when the typed words (allowing a typo each) are words of its title.
 */
export function closestPosts<T extends Suggestible>(pathname: string, posts: T[], limit = 3): T[] {
  const wanted = wantedWords(pathname)
  if (wanted.length === 0) return []
  const typed = wanted.join('-')
  return posts
    .map((post) => {
      const titleWords = [...words(post.title), ...words(post.slug)]
      const matched = wanted.filter((word) =>
        titleWords.some(
          (candidate) => similarity(word, candidate) >= 0.75 || (word.length >= 4 && candidate.startsWith(word)),
        ),
      ).length
      const score = Math.max(similarity(typed, post.slug), matched / wanted.length)
      return { post, score }
    })
    .filter(({ score }) => score >= 0.5)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ post }) => post)
}
