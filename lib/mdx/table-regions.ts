import type { Element, Root } from 'hast'
import { toString } from 'hast-util-to-string'
import { SKIP, visit } from 'unist-util-visit'

/** The header cells of a table's first row that has any. */
function headerCells(table: Element): string[] {
  let cells: string[] = []
  visit(table, 'element', (row) => {
    if (row.tagName !== 'tr') return undefined
    cells = row.children
      .filter((cell): cell is Element => cell.type === 'element' && cell.tagName === 'th')
      .map((th) => toString(th).trim())
      .filter(Boolean)
    return cells.length > 0 ? false : SKIP
  })
  return cells
}

/**
 * Wraps each Markdown table in a scrolling region that keyboard users can focus, named after its column headers
 * so that several tables on a page stay distinguishable to screen readers.
 */
export function rehypeTableRegions() {
  return (tree: Root) => {
    visit(tree, 'element', (table, index, parent) => {
      if (table.tagName !== 'table' || !parent || index === undefined) return undefined
      const headers = headerCells(table)
      parent.children[index] = {
        type: 'element',
        tagName: 'div',
        properties: {
          className: ['table-scroll'],
          role: 'region',
          tabIndex: 0,
          ariaLabel: headers.length > 0 ? `Table: ${headers.join(', ')}` : 'Table',
        },
        children: [table],
      }
      return SKIP
    })
  }
}
