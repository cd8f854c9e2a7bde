// `npm run check`: validates every post, drafts included (frontmatter, MDX syntax, images' alt text, components,
// imports, benchmark output, diagrams, links to posts and headings), the authors and the about page, without a full
// build, and prints every problem as file:line:column. Exit code 1 when anything is wrong.
import { ContentError, formatProblem } from '../lib/problems'
import path from 'node:path'
import { authorsDirectory, readAuthors } from '../lib/content/authors'
import { getPage } from '../lib/content/pages'
import { postsDirectory, readPosts, validatePosts } from '../lib/content/posts'
import { compileMdx } from '../lib/mdx/compile'

async function main() {
  const started = performance.now()
  // Posts whose frontmatter is fine are compiled even when others are not, so one run reports everything.
  const { posts, problems } = await readPosts(postsDirectory())
  const collect = (error: unknown) => {
    if (!(error instanceof ContentError)) throw error
    problems.push(...error.problems)
  }
  await validatePosts(posts).catch(collect)
  // The pages written in MDX beside the posts, and the authors' profiles.
  await getPage('about').catch(collect)
  for (const author of (await readAuthors(authorsDirectory())).authors)
    await compileMdx(path.join(authorsDirectory(), author.id, 'index.mdx')).catch(collect)
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  if (problems.length > 0) {
    console.error(problems.map(formatProblem).join('\n'))
    console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in the posts (${seconds} s)`)
    process.exit(1)
  }
  console.log(`${posts.length} posts checked, no problems (${seconds} s)`)
}

void main()
