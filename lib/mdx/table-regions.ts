import type { Element, ElementContent, Root, RootContent } from 'hast'

function textOf(node: ElementContent | RootContent): string {
  if (node.type === 'text') return node.value
  if (node.type === 'element') return node.children.map(textOf).join('')
  return ''
}

function headerCells(table: Element): string[] {
  const cells: string[] = []
  const visit = (node: ElementContent) => {
    if (node.type !== 'element' || cells.length > 0) return
    if (node.tagName === 'tr') {
      cells.push(
        ...node.children
          .filter((c): c is Element => c.type === 'element' && c.tagName === 'th')
          .map((th) => textOf(th).trim()),
      )
      return
    }
    node.children.forEach(visit)
  }
  table.children.forEach(visit)
  return cells.filter(Boolean)
}

/**
 * Wraps each Markdown table in a scrolling region that keyboard users can focus, named after its column headers
 * so that several tables on a page stay distinguishable to screen readers.
 */
export function rehypeTableRegions() {
  return (tree: Root) => {
    const wrap = (parent: Root | Element) => {
      parent.children = parent.children.map((child) => {
        if (child.type !== 'element') return child
        if (child.tagName !== 'table') {
          wrap(child)
          return child
        }
        const headers = headerCells(child)
        return {
          type: 'element',
          tagName: 'div',
          properties: {
            className: ['table-scroll'],
            role: 'region',
            tabIndex: 0,
            ariaLabel: headers.length > 0 ? `Table: ${headers.join(', ')}` : 'Table',
          },
          children: [child],
        } satisfies Element
      }) as typeof parent.children
    }
    wrap(tree)
  }
}
