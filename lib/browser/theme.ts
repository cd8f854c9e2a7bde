/** The reader's colour theme: the system's by default, or one they chose with the toggle (kept in localStorage). */
export type ThemeChoice = 'system' | 'light' | 'dark'

const themeStorageKey = 'playbook-theme'

/** The reader's choice to wrap long lines in code blocks (components/mdx/code-toolbar.tsx), kept beside the theme. */
export const codeWrapStorageKey = 'playbook-code-wrap'
export const codeWrapAttribute = 'data-code-wrap'

/** The order the toggle steps through. */
const themeChoices: ThemeChoice[] = ['system', 'light', 'dark']

export function nextThemeChoice(choice: ThemeChoice): ThemeChoice {
  return themeChoices[(themeChoices.indexOf(choice) + 1) % themeChoices.length]
}

/** The toggle's accessible name: which theme is on and what a press does. */
export function themeToggleLabel(choice: ThemeChoice): string {
  return `Theme: ${choice}. Switch to ${nextThemeChoice(choice)} theme`
}

/**
 * The whole theme feature, run in the page as one inline script in <head> (no bundle, so no page carries
 * JavaScript for it):
 *
 * - before the page paints, it applies the stored choice, so a reader who chose a theme never sees a flash of the
 *   other one; it marks the page as scripted (data-js), which shows the controls that need JavaScript;
 * - a press on the toggle (components/theme-toggle.tsx, a plain button) steps to the next choice, stores it (or
 *   forgets it, back at "system") and renames the button; another tab's change applies here too, and so do the
 *   choices made on other pages when the browser shows this one again from its back-forward cache;
 * - it also restores the reader's choice to wrap long lines in code blocks, before the first paint.
 *
 * It is serialized into the page with its arguments, so it uses nothing from outside its own body. It must not
 * throw: storage can be disabled, and then a choice lasts for the page.
 */
function runThemeController(
  storageKey: string,
  choices: ThemeChoice[],
  labels: Record<ThemeChoice, string>,
  wrapKey: string,
  wrapAttribute: string,
) {
  const root = document.documentElement
  const isChoice = (value: unknown): value is 'light' | 'dark' => value === 'light' || value === 'dark'
  const current = (): ThemeChoice => (isChoice(root.dataset.theme) ? root.dataset.theme : 'system')
  const relabel = () => {
    for (const button of document.querySelectorAll('[data-theme-toggle]'))
      button.setAttribute('aria-label', labels[current()])
  }
  const apply = (choice: ThemeChoice, store: boolean) => {
    if (choice === 'system') delete root.dataset.theme
    else root.dataset.theme = choice
    if (store) {
      try {
        if (choice === 'system') localStorage.removeItem(storageKey)
        else localStorage.setItem(storageKey, choice)
      } catch {
        // Storage is off: the choice lasts for this page.
      }
    }
    relabel()
  }
  const restore = () => {
    try {
      const stored = localStorage.getItem(storageKey)
      if (isChoice(stored)) root.dataset.theme = stored
      else delete root.dataset.theme
      root.toggleAttribute(wrapAttribute, Boolean(localStorage.getItem(wrapKey)))
    } catch {
      // Storage is off: the system's theme it is.
    }
  }
  root.dataset.js = ''
  restore()
  document.addEventListener('DOMContentLoaded', relabel)
  // A page the browser kept while the reader was on another one (its back-forward cache) comes back as it was left,
  // and heard no storage event meanwhile: the choices made elsewhere apply before it shows.
  addEventListener('pageshow', (event) => {
    if (!event.persisted) return
    restore()
    relabel()
  })
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('[data-theme-toggle]') : null
    if (button) apply(choices[(choices.indexOf(current()) + 1) % choices.length], true)
  })
  addEventListener('storage', (event) => {
    if (event.key === storageKey) apply(isChoice(event.newValue) ? event.newValue : 'system', false)
  })
}

export function themeScript(): string {
  const labels = Object.fromEntries(themeChoices.map((choice) => [choice, themeToggleLabel(choice)]))
  const args = [themeStorageKey, themeChoices, labels, codeWrapStorageKey, codeWrapAttribute]
    .map((value) => JSON.stringify(value))
    .join(',')
  return `(${runThemeController.toString()})(${args})`
}
