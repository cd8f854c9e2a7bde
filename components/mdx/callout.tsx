import { CircleAlert, Info, Lightbulb, TriangleAlert, type LucideIcon } from 'lucide-react'
import type { ReactNode } from 'react'
import { cn } from '@/lib/utils'

const kinds = {
  note: { label: 'Note', Icon: Info, className: 'callout-note' },
  tip: { label: 'Tip', Icon: Lightbulb, className: 'callout-tip' },
  warning: { label: 'Warning', Icon: TriangleAlert, className: 'callout-warning' },
  danger: { label: 'Danger', Icon: CircleAlert, className: 'callout-danger' },
} satisfies Record<string, { label: string; Icon: LucideIcon; className: string }>

export type CalloutType = keyof typeof kinds

type CalloutProps = { type?: CalloutType; title?: string; children: ReactNode }

/** An aside in an article. Its kind is named in words and by an icon, never by color alone. */
export function Callout({ type = 'note', title, children }: CalloutProps) {
  const kind = kinds[type]
  if (!kind) {
    throw new Error(`<Callout type="${type}"> is not a callout type: use one of ${Object.keys(kinds).join(', ')}`)
  }
  const { label, Icon, className } = kind
  return (
    <aside aria-label={title ? `${label}: ${title}` : label} className={cn('callout not-prose', className)}>
      <p className="callout-heading">
        <Icon aria-hidden="true" className="size-[1.15em] shrink-0" strokeWidth={2.25} />
        <span>
          <span className="font-semibold">{label}</span>
          {title && <span className="font-semibold">: {title}</span>}
        </span>
      </p>
      <div className="callout-body prose prose-playbook">{children}</div>
    </aside>
  )
}
