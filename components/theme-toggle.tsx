import { themeToggleLabel } from '@/lib/browser/theme'

const iconProps = {
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

/**
 * One button that steps through system, light and dark. Its behaviour lives in the inline theme script
 * (lib/browser/theme.ts), which also renames it; CSS shows the icon of the theme that is on. It ships no bundle.
 */
export function ThemeToggle() {
  return (
    <button
      type="button"
      data-theme-toggle=""
      aria-label={themeToggleLabel('system')}
      title="Theme: system, light or dark"
      // The theme script names the button after the stored choice before React hydrates it (where React runs).
      suppressHydrationWarning
      className="theme-toggle grid size-9 place-items-center rounded-md text-muted hover:bg-surface hover:text-ink"
    >
      <svg {...iconProps} className="theme-icon-system">
        <rect x="3" y="4" width="18" height="12" rx="2" />
        <path d="M8 20h8M12 16v4" />
      </svg>
      <svg {...iconProps} className="theme-icon-light">
        <circle cx="12" cy="12" r="4" />
        <path d="M12 2v2M12 20v2M4.93 4.93l1.41 1.41M17.66 17.66l1.41 1.41M2 12h2M20 12h2M6.34 17.66l-1.41 1.41M19.07 4.93l-1.41 1.41" />
      </svg>
      <svg {...iconProps} className="theme-icon-dark">
        <path d="M21 12.79A9 9 0 1 1 11.21 3 7 7 0 0 0 21 12.79z" />
      </svg>
    </button>
  )
}
