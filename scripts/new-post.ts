// `npm run new-post -- "Title" [--tags go,performance]`: creates posts/<slug>/index.mdx as a draft dated today.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { format } from 'date-fns'
import { draftPostSource, slugFromTitle } from '../lib/content/new-post'

const args = process.argv.slice(2)
const tagsIndex = args.indexOf('--tags')
const tags = tagsIndex === -1 ? ['backend'] : (args.splice(tagsIndex, 2)[1] ?? '').split(',').map((tag) => tag.trim())
const title = args.join(' ').trim()

if (!title) {
  console.error('Usage: npm run new-post -- "The post\'s title" [--tags go,performance]')
  process.exit(2)
}
const badTags = tags.filter((tag) => !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(tag))
if (badTags.length > 0) {
  console.error(`Tags must be kebab-case (e.g. go-performance): ${badTags.join(', ')}`)
  process.exit(2)
}
const slug = slugFromTitle(title)
if (!slug) {
  console.error(`"${title}" has no letters or digits to make a URL from`)
  process.exit(2)
}
const folder = path.join(process.cwd(), 'posts', slug)
if (existsSync(folder)) {
  console.error(`posts/${slug} already exists: choose another title, or edit that post`)
  process.exit(1)
}
mkdirSync(folder, { recursive: true })
// The author's own calendar day: that is the day they mean by "today".
writeFileSync(path.join(folder, 'index.mdx'), draftPostSource({ title, date: format(new Date(), 'yyyy-MM-dd'), tags }))
console.log(`Created posts/${slug}/index.mdx (a draft: shown by npm run dev and in previews, hidden in production)`)
console.log(`Preview it: npm run dev, then open http://localhost:3000/posts/${slug}`)
