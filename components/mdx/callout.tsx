import type { ReactNode } from 'react'
import { cn } from '@/lib/utils'

// Inline SVG drawn on the server: an icon library with client components would add JavaScript to every article.
const icons = {
  note: (
    <>
      <circle cx="12" cy="12" r="9.5" />
      <path d="M12 16.5v-5M12 7.5h.01" />
    </>
  ),
  tip: <path d="M9.5 18.5h5M10.5 21.5h3M12 2.5a6.5 6.5 0 0 0-3.5 12v1.5h7v-1.5a6.5 6.5 0 0 0-3.5-12z" />,
  warning: (
    <path d="M10.3 4 2 18.5a2 2 0 0 0 1.7 3h16.6a2 2 0 0 0 1.7-3L13.7 4a2 2 0 0 0-3.4 0zM12 9.5v4M12 17.5h.01" />
  ),
  danger: <path d="M8 2.5h8l5.5 5.5v8L16 21.5H8L2.5 16V8zM12 7.5v5M12 16.5h.01" />,
}

const kinds = {
  note: { label: 'Note', className: 'callout-note' },
  tip: { label: 'Tip', className: 'callout-tip' },
  warning: { label: 'Warning', className: 'callout-warning' },
  danger: { label: 'Danger', className: 'callout-danger' },
} satisfies Record<keyof typeof icons, { label: string; className: string }>

export type CalloutType = keyof typeof kinds

type CalloutProps = {
  type?: CalloutType
  title?: string
  children: ReactNode
  /** Where the callout is written, `posts/x/index.mdx:12` (set while compiling), named in its errors. */
  source?: string
}

/** An aside in an article. Its kind is named in words and by an icon, never by color alone. */
export function Callout({ type = 'note', title, children, source = 'a post' }: CalloutProps) {
  const kind = kinds[type]
  if (!kind) {
    throw new Error(
      `${source}: <Callout type="${type}"> is not a callout type: use one of ${Object.keys(kinds).join(', ')}`,
    )
  }
  const { label, className } = kind
  return (
    <aside aria-label={title ? `${label}: ${title}` : label} className={cn('callout not-prose', className)}>
      <p className="callout-heading">
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth={2.25}
          strokeLinecap="round"
          strokeLinejoin="round"
          className="size-[1.15em] shrink-0"
        >
          {icons[type]}
        </svg>
        <span>
          <span className="font-semibold">{label}</span>
          {title && <span className="font-semibold">: {title}</span>}
        </span>
      </p>
      <div className="callout-body prose prose-playbook">{children}</div>
    </aside>
  )
}
