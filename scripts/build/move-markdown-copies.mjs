// After `next build` with output: 'export', moves each post's Markdown copy from out/source/<slug>.md, where its
// route handler (app/source/[file]) wrote it, to out/posts/<slug>.md: the URL the site links to, which `next start`
// serves through a rewrite that a static host does not have.
import { readdirSync, renameSync, rmSync } from 'node:fs'

const copies = readdirSync('out/source').filter((file) => file.endsWith('.md'))
for (const file of copies) renameSync(`out/source/${file}`, `out/posts/${file}`)
rmSync('out/source', { recursive: true })
console.log(`moved ${copies.length} Markdown copies to out/posts/`)
