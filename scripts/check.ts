// `npm run check`: validates every post (frontmatter, MDX syntax, imports, benchmark output) without a full
// build, and prints every problem as file:line:column. Exit code 1 when anything is wrong.
import path from 'node:path'
import { compileMdx } from '../lib/compile-mdx'
import { ContentError, formatProblem, type ContentProblem } from '../lib/content-problem'
import { loadPosts, postsDirectory } from '../lib/posts'

async function main() {
  const started = performance.now()
  const problems: ContentProblem[] = []
  const posts = await loadPosts(postsDirectory()).catch((error: unknown) => {
    if (!(error instanceof ContentError)) throw error
    problems.push(...error.problems)
    return []
  })
  for (const post of posts) {
    await compileMdx(path.resolve(post.file)).catch((error: unknown) => {
      if (!(error instanceof ContentError)) throw error
      problems.push(...error.problems)
    })
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  if (problems.length > 0) {
    console.error(problems.map(formatProblem).join('\n'))
    console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in the posts (${seconds} s)`)
    process.exit(1)
  }
  console.log(`${posts.length} posts checked, no problems (${seconds} s)`)
}

void main()
