import { site } from './config'
import { escapeXml } from './seo'

/**
 * An XSLT stylesheet that turns the RSS and Atom feeds into a readable page when someone opens them in a browser:
 * what the page is, how to subscribe, and the articles it lists, in the site's colours (light or dark as the system
 * is). Feed readers ignore it. It matches both formats: RSS's channel and items, and Atom's feed and entries.
 */
export function feedStylesheet(): string {
  const name = escapeXml(site.name)
  return `<?xml version="1.0" encoding="utf-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:atom="http://www.w3.org/2005/Atom" exclude-result-prefixes="atom">
<xsl:output method="html" encoding="utf-8" doctype-system="about:legacy-compat"/>
<xsl:template match="/">
<html lang="en">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>Feed: ${name}</title>
<style>
:root { color-scheme: light dark; --paper: #fbfaf7; --surface: #f2f0ea; --ink: #15171c; --body: #30343c; --muted: #5b616b; --rule: #e1ded5; --accent: #a03c14; }
@media (prefers-color-scheme: dark) { :root { --paper: #131519; --surface: #1b1e24; --ink: #eeece6; --body: #c8ccd3; --muted: #9aa0ab; --rule: #2b2f37; --accent: #f49a72; } }
body { margin: 0; background: var(--paper); color: var(--body); font: 17px/1.7 Inter, ui-sans-serif, system-ui, sans-serif; }
main { max-width: 44rem; margin: 0 auto; padding: 2.5rem 1.25rem 4rem; }
.note { padding: 1rem 1.25rem; border: 1px solid var(--rule); border-radius: 0.5rem; background: var(--surface); }
.note strong { color: var(--ink); }
code { font-family: ui-monospace, monospace; font-size: 0.9em; overflow-wrap: anywhere; color: var(--ink); }
h1 { margin: 2rem 0 0.5rem; color: var(--ink); font-size: 2rem; line-height: 1.2; }
h2 { margin: 0; font-size: 1.2rem; line-height: 1.35; }
a { color: var(--accent); text-underline-offset: 3px; }
h2 a { color: var(--ink); }
ol { list-style: none; margin: 2rem 0 0; padding: 0; }
li { padding: 1.25rem 0; border-top: 1px solid var(--rule); }
.date { margin: 0.25rem 0 0; color: var(--muted); font-size: 0.875rem; }
.summary { margin: 0.4rem 0 0; }
</style>
</head>
<body>
<main>
<p class="note"><strong>This is a web feed</strong>, the list of the newest articles that feed readers check for you. To
follow ${name}, copy this page's address into your feed reader. <a href="/subscribe">More about subscribing</a>.</p>
<h1><xsl:value-of select="/rss/channel/title | /atom:feed/atom:title"/></h1>
<p><xsl:value-of select="/rss/channel/description | /atom:feed/atom:subtitle"/><xsl:text> </xsl:text><a href="/">Go to the site</a>.</p>
<ol>
<xsl:for-each select="/rss/channel/item | /atom:feed/atom:entry">
<li>
<h2><a href="{link | atom:link[@rel='alternate' or not(@rel)]/@href}"><xsl:value-of select="title | atom:title"/></a></h2>
<p class="date"><xsl:value-of select="concat(substring(pubDate, 6, 11), substring(atom:published, 1, 10))"/></p>
<p class="summary"><xsl:value-of select="description | atom:summary"/></p>
</li>
</xsl:for-each>
</ol>
</main>
</body>
</html>
</xsl:template>
</xsl:stylesheet>
`
}

/** The processing instruction that points a browser at the stylesheet, put after a feed's XML declaration. */
export function withFeedStylesheet(xml: string, href: string): string {
  const instruction = `<?xml-stylesheet type="text/xsl" href="${href}"?>`
  return xml.startsWith('<?xml') ? xml.replace(/\?>/, `?>\n${instruction}`) : `${instruction}\n${xml}`
}
