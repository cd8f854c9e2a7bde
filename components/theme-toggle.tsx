'use client'

import { useSyncExternalStore } from 'react'
import { nextThemeChoice, themeStorageKey, type ThemeChoice } from '@/lib/theme'

const changeEvent = 'playbook-theme-change'

function readChoice(): ThemeChoice {
  const theme = document.documentElement.dataset.theme
  return theme === 'light' || theme === 'dark' ? theme : 'system'
}

function subscribe(onChange: () => void) {
  // Another tab changing the theme changes this one too.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== themeStorageKey) return
    applyChoice(event.newValue === 'light' || event.newValue === 'dark' ? event.newValue : 'system', false)
  }
  window.addEventListener(changeEvent, onChange)
  window.addEventListener('storage', onStorage)
  return () => {
    window.removeEventListener(changeEvent, onChange)
    window.removeEventListener('storage', onStorage)
  }
}

function applyChoice(choice: ThemeChoice, remember = true) {
  const root = document.documentElement
  if (choice === 'system') delete root.dataset.theme
  else root.dataset.theme = choice
  if (remember) {
    try {
      if (choice === 'system') localStorage.removeItem(themeStorageKey)
      else localStorage.setItem(themeStorageKey, choice)
    } catch {
      // Storage may be off (private windows, policies): the choice then lasts for this page only.
    }
  }
  window.dispatchEvent(new Event(changeEvent))
}

const labels: Record<ThemeChoice, string> = { system: 'system', light: 'light', dark: 'dark' }

/** One button that steps through system, light and dark, and says which is on and what a press does. */
export function ThemeToggle() {
  const choice = useSyncExternalStore(subscribe, readChoice, () => 'system' as const)
  const next = nextThemeChoice(choice)
  return (
    <button
      type="button"
      onClick={() => applyChoice(next)}
      aria-label={`Theme: ${labels[choice]}. Switch to ${labels[next]} theme`}
      title={`Theme: ${labels[choice]} (switch to ${labels[next]})`}
      className="theme-toggle grid size-9 place-items-center rounded-md text-muted hover:bg-surface hover:text-ink"
    >
      <ThemeIcon choice={choice} />
    </button>
  )
}

function ThemeIcon({ choice }: { choice: ThemeChoice }) {
  const common = {
    'aria-hidden': true,
    width: 18,
    height: 18,
    viewBox: '0 0 24 24',
    fill: 'none',
    stroke: 'currentColor',
    strokeWidth: 2,
    strokeLinecap: 'round',
    strokeLinejoin: 'round',
  } as const
  if (choice === 'light')
    return (
      <svg {...common}>
        <circle cx="12" cy="12" r="4" />
        <path d="M12 2v2M12 20v2M4.93 4.93l1.41 1.41M17.66 17.66l1.41 1.41M2 12h2M20 12h2M6.34 17.66l-1.41 1.41M19.07 4.93l-1.41 1.41" />
      </svg>
    )
  if (choice === 'dark')
    return (
      <svg {...common}>
        <path d="M21 12.79A9 9 0 1 1 11.21 3 7 7 0 0 0 21 12.79z" />
      </svg>
    )
  return (
    <svg {...common}>
      <rect x="3" y="4" width="18" height="12" rx="2" />
      <path d="M8 20h8M12 16v4" />
    </svg>
  )
}
