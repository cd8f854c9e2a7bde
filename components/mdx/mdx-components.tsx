import { Children, isValidElement, type ComponentProps } from 'react'
import { SmartLink } from '@/components/smart-link'
import { BenchmarkEnvironment } from './benchmark-environment'
import { BenchmarkTable } from './benchmark-table'
import { Diagram } from './diagram'
import { FlameGraph } from './flame-graph'
import { Callout } from './callout'
import { CodeToolbar } from './code-toolbar'

type CodeFigureProps = ComponentProps<'figure'> & { 'data-rehype-pretty-code-figure'?: string }

/** The language a highlighted block declares (rehype-pretty-code puts it on the <pre>), for the copy button's name. */
function languageOf(children: CodeFigureProps['children']): string | undefined {
  for (const child of Children.toArray(children)) {
    if (!isValidElement<Record<string, unknown>>(child)) continue
    const language = child.props['data-language']
    if (typeof language === 'string' && language !== 'text' && language !== 'plaintext') return language
  }
  return undefined
}

/** Every component a post can use without importing it, and the HTML elements the journal restyles. */
export const mdxComponents = {
  a: (props: ComponentProps<'a'>) => <SmartLink {...props} />,
  // Code scrolls inside itself, never the page, and the scrolling box takes keyboard focus (tables get the same
  // treatment while compiling, in lib/mdx/table-regions.ts).
  pre: (props: ComponentProps<'pre'>) => <pre tabIndex={0} {...props} />,
  // A highlighted block's contents arrive as one HTML string (lib/mdx/code-html.ts).
  code: ({ children, 'data-code-html': codeHtml, ...props }: ComponentProps<'code'> & { 'data-code-html'?: string }) =>
    codeHtml !== undefined && typeof children === 'string' ? (
      <code {...props} dangerouslySetInnerHTML={{ __html: children }} />
    ) : (
      <code {...props}>{children}</code>
    ),
  // Highlighted code blocks get a toolbar: wrap long lines, copy.
  figure: (props: CodeFigureProps) => {
    if (props['data-rehype-pretty-code-figure'] === undefined) return <figure {...props} />
    const language = languageOf(props.children)
    return (
      <figure {...props}>
        <CodeToolbar label={language ? `${language} code` : 'code'} />
        {props.children}
      </figure>
    )
  },
  // GFM task lists render disabled checkboxes; their state is said in words for screen readers.
  input: (props: ComponentProps<'input'>) =>
    props.type === 'checkbox' ? (
      <input aria-label={props.checked ? 'Done' : 'Not done'} {...props} />
    ) : (
      <input {...props} />
    ),
  // eslint-disable-next-line @next/next/no-img-element -- post images are optimised at build time (lib/mdx/images.ts), which sets loading; alt is required
  img: ({ alt, ...props }: ComponentProps<'img'>) => <img alt={alt} loading="lazy" decoding="async" {...props} />,
  Callout,
  BenchmarkTable,
  FlameGraph,
  // Put before an article's first benchmark table while compiling (lib/mdx/component-props.ts).
  BenchmarkEnvironment,
  // A ```dot block, drawn while compiling (lib/mdx/diagrams.ts).
  Diagram,
}

export type MDXComponents = typeof mdxComponents
