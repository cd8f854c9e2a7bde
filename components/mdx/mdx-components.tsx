import type { ComponentProps } from 'react'
import { SmartLink } from '@/components/smart-link'
import { BenchmarkTable } from './benchmark-table'
import { Callout } from './callout'

/** Every component a post can use without importing it, and the HTML elements the journal restyles. */
export const mdxComponents = {
  a: (props: ComponentProps<'a'>) => <SmartLink {...props} />,
  // Wide tables and code scroll inside themselves, never the page; the scrolling box takes keyboard focus.
  table: (props: ComponentProps<'table'>) => (
    <div className="table-scroll" role="region" aria-label="Table" tabIndex={0}>
      <table {...props} />
    </div>
  ),
  pre: (props: ComponentProps<'pre'>) => <pre tabIndex={0} {...props} />,
  // eslint-disable-next-line @next/next/no-img-element -- post images are optimised by a later step; alt is required
  img: ({ alt, ...props }: ComponentProps<'img'>) => <img alt={alt} loading="lazy" decoding="async" {...props} />,
  Callout,
  BenchmarkTable,
}

export type MDXComponents = typeof mdxComponents
