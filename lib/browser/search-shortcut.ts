/** The search page's query field: the shortcut focuses it there, and opens the page everywhere else. */
export const searchFieldId = 'search-query'

/**
 * `/` (outside a text field) and Ctrl+K or Cmd+K open search from any page. The root layout inlines this script,
 * a few hundred bytes, so that articles load no JavaScript for search: its code and index load with /search.
 */
export const searchShortcutScript = `addEventListener('keydown',function(e){var k=e.key,t=e.target,m=e.ctrlKey||e.metaKey;if(e.defaultPrevented||e.altKey||e.isComposing)return;if(m?e.shiftKey||(k!=='k'&&k!=='K'):k!=='/'||t.isContentEditable||/^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))return;e.preventDefault();var f=document.getElementById('${searchFieldId}');if(f){f.focus();f.select()}else location.assign('/search')})`
