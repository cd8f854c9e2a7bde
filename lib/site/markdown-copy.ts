// Plain Markdown for tools and language models: a post's Markdown copy (/posts/<slug>.md), a short header in place
// of the frontmatter over the body its compile wrote (lib/mdx/markdown.ts), and /llms.txt, the index that links them.
import type { PostMeta } from '../content/posts'
import { site } from './config'
import { markdownContentType, siteFiles } from './response-headers.mjs'
import { markdownCopyPath, postPath } from './paths'
import { absoluteUrl, feedLinks } from './seo'
import { staticResponse } from './static-response'

/** Backslash-escapes what Markdown would read as markup in a line of plain text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, '\\$&').replace(/\s+/g, ' ')
}

/** A post's Markdown copy: the title, summary, dates, tags and canonical URL, then the body as compiled. */
export function postMarkdown(post: PostMeta, body: string): string {
  return [
    `# ${escapeMarkdown(post.title)}`,
    '',
    `> ${escapeMarkdown(post.summary)}`,
    '',
    `- Published: ${post.date}`,
    ...(post.updated ? [`- Updated: ${post.updated}`] : []),
    `- Tags: ${post.tags.join(', ')}`,
    `- Canonical URL: <${absoluteUrl(postPath(post.slug))}>`,
    '',
    '---',
    '',
    body,
  ].join('\n')
}

/** /llms.txt (https://llmstxt.org): the journal in a sentence, then every post's Markdown copy, newest first. */
export function llmsTxt(posts: PostMeta[]): string {
  return [
    `# ${site.name}`,
    '',
    `> ${escapeMarkdown(site.description)}`,
    '',
    'Each link below is a plain-Markdown copy of an article; the article itself is the same URL without `.md`.',
    'Every benchmark figure in the articles comes from a program committed next to the article, with its raw output.',
    '',
    '## Posts',
    '',
    ...posts.map(
      (post) =>
        `- [${escapeMarkdown(post.title)}](${absoluteUrl(markdownCopyPath(post.slug))}): ${escapeMarkdown(post.summary)}`,
    ),
    '',
    '## Optional',
    '',
    ...feedLinks.map(({ label, path }) => `- [${label}](${absoluteUrl(path)}): a feed with every article in full`),
    '',
  ].join('\n')
}

/** A post's Markdown copy as its route answers it, naming the article as the canonical version for crawlers. */
export function markdownResponse(post: PostMeta, markdown: string): Response {
  return staticResponse(markdown, markdownContentType, {
    Link: `<${absoluteUrl(postPath(post.slug))}>; rel="canonical"`,
  })
}

export function llmsTxtResponse(posts: PostMeta[]): Response {
  return staticResponse(llmsTxt(posts), siteFiles.llmsTxt.contentType)
}
