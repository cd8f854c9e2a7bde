import { createHash } from 'node:crypto'

type DiagramProps = {
  /** The SVG Graphviz drew from the post's ```dot block, themed (lib/mdx/diagrams.ts). */
  svg: string
  width: string
  height: string
  /** The narrowest width, in CSS pixels, at which its smallest label is 12 px. */
  legibleWidth: string
  title: string
  /** A sentence for readers who cannot see the diagram. */
  alt?: string
  /** The block's DOT source, shown under the diagram and its text alternative. */
  source: string
}

/**
 * A diagram drawn at build time from code: inline SVG in the site's colours (no script, no image request), named by
 * its title and described by its alt text and its source, which a reader can open under it.
 */
export function Diagram({ svg, width, height, legibleWidth, title, alt, source }: DiagramProps) {
  // Named after what it draws rather than with useId(): the feeds render articles outside React's server renderer.
  const id = `diagram-${createHash('sha1').update(source).digest('hex').slice(0, 10)}`
  const described = [alt ? `${id}-alt` : undefined, `${id}-source`].filter(Boolean).join(' ')
  const labelled = svg.replace(
    '<svg',
    `<svg role="img" aria-labelledby="${id}-title" aria-describedby="${described}" width="${width}" height="${height}"`,
  )
  return (
    <figure className="diagram not-prose">
      {/* A diagram shrinks to fit its column until its smallest label would go under 12 px; a narrower screen
          scrolls the canvas sideways instead (a phone, for a wide diagram), a region a keyboard can reach and
          scroll, as the tables' are. */}
      <div className="diagram-canvas" role="region" aria-label={`${title}: diagram`} tabIndex={0}>
        <div style={{ minWidth: `${legibleWidth}px` }} dangerouslySetInnerHTML={{ __html: labelled }} />
      </div>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      {alt && (
        <p id={`${id}-alt`} className="sr-only">
          {alt}
        </p>
      )}
      <details className="diagram-source">
        <summary>Diagram source (Graphviz)</summary>
        <pre id={`${id}-source`}>
          <code>{source}</code>
        </pre>
      </details>
    </figure>
  )
}
