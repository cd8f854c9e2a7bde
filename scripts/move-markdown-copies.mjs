// After `next build` with output: 'export', moves each post's Markdown copy from out/markdown/<slug>.md, where its
// route handler (app/markdown/[file]) wrote it, to out/posts/<slug>.md: the URL the site links to, which `next start`
// serves through a rewrite that a static host does not have.
import { readdirSync, renameSync, rmSync } from 'node:fs'

const copies = readdirSync('out/markdown').filter((file) => file.endsWith('.md'))
for (const file of copies) renameSync(`out/markdown/${file}`, `out/posts/${file}`)
rmSync('out/markdown', { recursive: true })
console.log(`moved ${copies.length} Markdown copies to out/posts/`)
