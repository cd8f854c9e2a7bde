/** The reader's colour theme: the system's by default, or one they chose with the toggle (kept in localStorage). */
export type ThemeChoice = 'system' | 'light' | 'dark'

export const themeStorageKey = 'playbook-theme'

/** The order the toggle steps through. */
export const themeChoices: ThemeChoice[] = ['system', 'light', 'dark']

export function nextThemeChoice(choice: ThemeChoice): ThemeChoice {
  return themeChoices[(themeChoices.indexOf(choice) + 1) % themeChoices.length]
}

/** The toggle's accessible name: which theme is on and what a press does. */
export function themeToggleLabel(choice: ThemeChoice): string {
  return `Theme: ${choice}. Switch to ${nextThemeChoice(choice)} theme`
}

/**
 * The whole theme feature, as one inline script in <head> (no bundle, so no page carries JavaScript for it):
 *
 * - before the page paints, it applies the stored choice, so a reader who chose a theme never sees a flash of the
 *   other one; it marks the page as scripted (data-js), which shows the controls that need JavaScript;
 * - a press on the toggle (components/theme-toggle.tsx, a plain button) steps to the next choice, stores it (or
 *   forgets it, back at "system") and renames the button; another tab's change applies here too.
 *
 * It must not throw: storage can be disabled, and then a choice lasts for the page.
 */
export function themeScript(): string {
  const labels = Object.fromEntries(themeChoices.map((choice) => [choice, themeToggleLabel(choice)]))
  return `(function(){var d=document.documentElement,k=${JSON.stringify(themeStorageKey)},c=${JSON.stringify(themeChoices)},l=${JSON.stringify(labels)};
d.dataset.js='';
function get(){var t=d.dataset.theme;return t==='light'||t==='dark'?t:'system'}
function label(){var b=document.querySelectorAll('[data-theme-toggle]');for(var i=0;i<b.length;i++)b[i].setAttribute('aria-label',l[get()])}
function set(t,store){if(t==='system')delete d.dataset.theme;else d.dataset.theme=t;if(store)try{t==='system'?localStorage.removeItem(k):localStorage.setItem(k,t)}catch(e){}label()}
try{var s=localStorage.getItem(k);if(s==='light'||s==='dark')d.dataset.theme=s}catch(e){}
document.addEventListener('DOMContentLoaded',label);
document.addEventListener('click',function(e){var b=e.target.closest&&e.target.closest('[data-theme-toggle]');if(b)set(c[(c.indexOf(get())+1)%c.length],true)});
addEventListener('storage',function(e){if(e.key===k)set(e.newValue==='light'||e.newValue==='dark'?e.newValue:'system',false)})})()`
}
