/** The search page's query field: the shortcut focuses it there, and opens the page everywhere else. */
export const searchFieldId = 'search-query'

/**
 * `/` (outside a text field) and Ctrl+K or Cmd+K open search from any page: they focus the search page's field
 * there, and go to /search everywhere else. The root layout inlines this function, serialized with its argument,
 * so that articles load no JavaScript for search: its code and index load with /search.
 */
function listenForSearchShortcut(fieldId: string) {
  addEventListener('keydown', (event) => {
    const target = event.target instanceof HTMLElement ? event.target : null
    const modified = event.ctrlKey || event.metaKey
    if (event.defaultPrevented || event.altKey || event.isComposing) return
    if (modified ? event.shiftKey || event.key.toLowerCase() !== 'k' : event.key !== '/') return
    const typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
    if (!modified && typing) return
    event.preventDefault()
    const field = document.getElementById(fieldId)
    if (field instanceof HTMLInputElement) {
      field.focus()
      field.select()
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- this runs before and outside React, with no router to ask
    } else location.assign('/search')
  })
}

export const searchShortcutScript = `(${listenForSearchShortcut.toString()})(${JSON.stringify(searchFieldId)})`
