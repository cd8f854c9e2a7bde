// The link-preview cards (Open Graph and Twitter), drawn at build time by next/og: satori lays out this JSX with
// flexbox and resvg turns it into a PNG. Satori reads ttf, otf and woff but not woff2, so the fonts are the static
// Inter woff files from @fontsource/inter, read from disk; no font service is contacted.
import 'server-only'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { ReactElement, ReactNode } from 'react'
import { ImageResponse } from 'next/og'
import { singleFlight, writeCacheFile } from '@/lib/build-cache'
import { formatLongDate } from '@/lib/content/dates'
import type { PostMeta, TagSummary } from '@/lib/content/posts'
import { site } from '@/lib/site/config'
import { staticResponse } from '@/lib/site/static-response'

export const ogImageSize = { width: 1200, height: 630 }
export const ogImageContentType = 'image/png'

// The light theme's tokens from app/globals.css: a shared link shows the journal as its pages look.
const colors = {
  paper: '#fbfaf7',
  ink: '#15171c',
  body: '#30343c',
  muted: '#5b616b',
  rule: '#e1ded5',
  accent: '#b1441a',
  accentText: '#a03c14',
  accentContrast: '#ffffff',
}

const fontFile = (weight: 400 | 700) =>
  path.join(
    /*turbopackIgnore: true*/ process.cwd(),
    'node_modules',
    '@fontsource',
    'inter',
    'files',
    `inter-latin-${weight}-normal.woff`,
  )

let fonts: Promise<{ name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[]> | undefined
function loadFonts() {
  return (fonts ??= Promise.all(
    ([400, 700] as const).map(async (weight) => ({
      name: 'Inter',
      data: await readFile(fontFile(weight)),
      weight,
      style: 'normal' as const,
    })),
  ))
}

/**
 * The title's size in pixels: as large as the card allows, smaller for longer titles, so that the longest title in
 * the journal (76 characters) still fits in three lines of the 1040-pixel text column.
 */
export function titleFontSize(title: string): number {
  if (title.length <= 28) return 84
  if (title.length <= 48) return 72
  if (title.length <= 64) return 62
  if (title.length <= 90) return 56
  return 48
}

/** The site's own mark: the braces in the accent square, then the journal's name, as in the page header. */
function Masthead() {
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 20 }}>
      <div
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          width: 56,
          height: 56,
          borderRadius: 12,
          background: colors.accent,
          color: colors.accentContrast,
          fontSize: 28,
          fontWeight: 700,
        }}
      >
        {'{}'}
      </div>
      <div style={{ fontSize: 30, fontWeight: 700, color: colors.ink, letterSpacing: -0.3 }}>{site.name}</div>
    </div>
  )
}

/** Satori lays out only what it is given as direct children: the footer's two ends are passed separately. */
function Card({
  children,
  footerStart,
  footerEnd,
}: {
  children: ReactNode
  footerStart: ReactNode
  footerEnd: ReactNode
}) {
  return (
    <div
      style={{
        display: 'flex',
        flexDirection: 'column',
        width: '100%',
        height: '100%',
        background: colors.paper,
        borderTop: `12px solid ${colors.accent}`,
        padding: '52px 80px 48px',
        fontFamily: 'Inter',
        color: colors.body,
      }}
    >
      <Masthead />
      <div style={{ display: 'flex', flexDirection: 'column', justifyContent: 'center', flexGrow: 1 }}>{children}</div>
      <div
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          borderTop: `2px solid ${colors.rule}`,
          paddingTop: 28,
          fontSize: 26,
          color: colors.muted,
        }}
      >
        {footerStart}
        {footerEnd}
      </div>
    </div>
  )
}

const host = new URL(site.url).host

/** The first tags that fit in `characters` (with their # and spacing), so a row of long tags never runs off the card. */
export function tagsThatFit(tags: string[], characters: number): string[] {
  const fitting: string[] = []
  let used = 0
  for (const tag of tags) {
    used += tag.length + 3
    if (used > characters) break
    fitting.push(tag)
  }
  return fitting
}

function Tags({ tags }: { tags: string[] }) {
  return (
    <div style={{ display: 'flex', gap: 18, color: colors.accentText }}>
      {tags.map((tag) => (
        <span key={tag}>#{tag}</span>
      ))}
    </div>
  )
}

function render(element: ReactElement) {
  return loadFonts().then((loaded) => new ImageResponse(element, { ...ogImageSize, fonts: loaded }))
}

// Bump when the card's design changes: drawn cards are kept by what they show (below), not by this file's code.
const CARD_VERSION = 1

const cardCache = path.join(
  /*turbopackIgnore: true*/ process.cwd(),
  process.env.NEXT_DIST_DIR ?? '.next',
  'cache',
  'playbook-og',
)

/**
 * Drawing a card takes satori and resvg about a tenth of a second; a thousand articles would spend minutes of every
 * build redrawing the same cards. A card is kept in the build folder's cache under the hash of what it shows, so a
 * build draws only the cards whose title, date, reading time or tags changed.
 */
async function cachedCard(shows: unknown, draw: () => Promise<ImageResponse>): Promise<Response> {
  const key = createHash('sha256')
    .update(JSON.stringify([CARD_VERSION, site.name, site.url, shows]))
    .digest('hex')
  const file = path.join(cardCache, `${key}.png`)
  const png = await drawOnce(file, async () => {
    if (existsSync(file)) return readFile(file)
    const drawn = Buffer.from(await (await draw()).arrayBuffer())
    await writeCacheFile(file, drawn)
    return drawn
  })
  return staticResponse(png, ogImageContentType)
}

const drawOnce = singleFlight<string, Buffer>()

/** An article's card: the title first, then its date, reading time and tags. */
export function articleOgImage(post: PostMeta): Promise<Response> {
  const { title, date, readingMinutes, tags } = post
  return cachedCard({ title, date, readingMinutes, tags }, () => drawArticleCard(post))
}

function drawArticleCard(post: PostMeta): Promise<ImageResponse> {
  return render(
    <Card
      footerStart={
        <div style={{ display: 'flex', gap: 14 }}>
          <span style={{ color: colors.ink, fontWeight: 700 }}>{formatLongDate(post.date)}</span>
          <span>·</span>
          <span>{post.readingMinutes} min read</span>
        </div>
      }
      footerEnd={<Tags tags={tagsThatFit(post.tags, 40)} />}
    >
      <div
        style={{
          display: 'block',
          // The longest titles get the smallest size; past four lines, a title ends in an ellipsis instead of
          // pushing the footer off the card.
          lineClamp: 4,
          // Even lines, rather than a full line and a lone last word ("Understanding CPU Caches in / Go").
          textWrap: 'balance',
          fontSize: titleFontSize(post.title),
          fontWeight: 700,
          lineHeight: 1.12,
          letterSpacing: -1.5,
          color: colors.ink,
        }}
      >
        {post.title}
      </div>
    </Card>,
  )
}

/** The journal's card, for the index and every page without a card of its own, with its most-used tags. */
export async function siteOgImage(tags: TagSummary[]): Promise<Response> {
  const drawn = await drawSiteCard(tags)
  return staticResponse(Buffer.from(await drawn.arrayBuffer()), ogImageContentType)
}

function drawSiteCard(tags: TagSummary[]): Promise<ImageResponse> {
  return render(
    <Card
      footerStart={<span>{host}</span>}
      footerEnd={
        <Tags
          tags={tagsThatFit(
            tags.map(({ tag }) => tag),
            48,
          )}
        />
      }
    >
      <div
        style={{
          display: 'flex',
          fontSize: 22,
          fontWeight: 700,
          letterSpacing: 4,
          textTransform: 'uppercase',
          color: colors.accentText,
        }}
      >
        Technical journal
      </div>
      <div
        style={{
          marginTop: 18,
          fontSize: 76,
          fontWeight: 700,
          lineHeight: 1.1,
          letterSpacing: -1.5,
          color: colors.ink,
        }}
      >
        {site.tagline}
      </div>
      <div style={{ marginTop: 26, fontSize: 30, lineHeight: 1.45, color: colors.body }}>{site.description}</div>
    </Card>,
  )
}
