import { availableParallelism } from 'node:os'
import { postMediaAssets, responseHeaders, revalidatedContent } from './lib/site/response-headers.mjs'

const isStaticExport = process.env.NEXT_OUTPUT === 'export'

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm run build:static` writes the whole site to out/ as plain files for any static host or CDN, with the same
  // headers in out/_headers; `npm run build` keeps the Node server that `npm start` runs.
  output: isStaticExport ? 'export' : undefined,
  // A separate build folder lets the e2e tests build preview and production fixture sites beside the real one.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  // The MDX pipeline runs in Node at build time; bundling esbuild's binary or shiki's grammars gains nothing.
  serverExternalPackages: ['mdx-bundler', 'esbuild', 'shiki', 'rehype-pretty-code'],
  experimental: {
    // Build workers for collecting page data and prerendering: at least two. Next's default, one per core but one,
    // leaves a 2-core machine prerendering on one core while the main process waits (README, Performance).
    //
    // How the workers share the prerendering: `next build` sorts the pages by their route's file path (app/…/page,
    // app/…/route) and cuts that list into one run of equal length per worker (at most one worker per 25 pages), each
    // run rendered by one worker (next/dist/build/index.js sorts, next/dist/export/index.js cuts; Next 16.4). An
    // article costs several times any other page, so the workers share the work only when a cut falls inside the
    // articles. Each post has three pages, which sort as its card (app/posts/[slug]/opengraph-image), its article and
    // its Markdown copy (app/source), so with two workers (this setting on a 2- or 3-core machine) the cut falls in
    // the middle of the articles, give or take half the few dozen other pages. A fourth page per post would move the
    // cut to one end of the articles whatever the folders are named, and one worker would render them all: that is
    // why the search page reads a result's text from the Markdown copy (lib/search/markdown-text.ts) rather than from
    // a file of its own. `npm run build:scale` fails when one worker renders more than 80 % of the articles.
    cpus: Math.max(2, availableParallelism() - 1),
  },
  async headers() {
    if (isStaticExport) return []
    return [
      { source: '/:path*', headers: responseHeaders() },
      // Hashed assets under /_next/static get Next's own immutable Cache-Control.
      {
        source: revalidatedContent.source,
        headers: [{ key: 'Cache-Control', value: revalidatedContent.cacheControl }],
      },
      { source: postMediaAssets.source, headers: [{ key: 'Cache-Control', value: postMediaAssets.cacheControl }] },
    ]
  },
  // A post's Markdown copy, /posts/<slug>.md, comes from app/source/[file]: app/posts/[slug] owns /posts/<slug>,
  // and a route folder cannot be named `[slug].md`. A static export has no rewrites, so it moves the files there
  // instead (scripts/build/move-markdown-copies.mjs).
  ...(isStaticExport
    ? {}
    : {
        async rewrites() {
          return [{ source: '/posts/:slug.md', destination: '/source/:slug.md' }]
        },
      }),
}

export default nextConfig
