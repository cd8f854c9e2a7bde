/** The reader's colour theme: the system's by default, or one they chose with the toggle (kept in localStorage). */
export type ThemeChoice = 'system' | 'light' | 'dark'

export const themeStorageKey = 'playbook-theme'

/** The order the toggle steps through. */
export const themeChoices: ThemeChoice[] = ['system', 'light', 'dark']

export function nextThemeChoice(choice: ThemeChoice): ThemeChoice {
  return themeChoices[(themeChoices.indexOf(choice) + 1) % themeChoices.length]
}

/**
 * Runs in <head> before the page paints, so a reader who chose a theme never sees a flash of the other one. It
 * must not throw: storage can be disabled, and a page without it still follows the system. It also marks the page
 * as scripted (data-js), which shows the controls that need JavaScript: the theme toggle and copy buttons.
 */
export const themeScript = `document.documentElement.dataset.js='';try{var t=localStorage.getItem(${JSON.stringify(themeStorageKey)});if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`
