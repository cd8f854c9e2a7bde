import { serializeJsonLd } from '@/lib/site/seo'

/** Structured data for search engines; a data block, so the Content-Security-Policy does not treat it as a script. */
export function JsonLd({ data }: { data: object }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />
}
