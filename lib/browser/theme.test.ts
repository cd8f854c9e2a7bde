import { describe, expect, it } from 'vitest'
import { nextThemeChoice, themeScript, themeToggleLabel } from './theme'

describe('theme', () => {
  it('steps system → light → dark → system, and names the step', () => {
    expect(['system', 'light', 'dark'].map((choice) => nextThemeChoice(choice as 'system'))).toEqual([
      'light',
      'dark',
      'system',
    ])
    expect(themeToggleLabel('dark')).toBe('Theme: dark. Switch to system theme')
  })

  it('is a script that parses, with every label in it, small enough to inline in every page', () => {
    const script = themeScript()
    expect(() => new Function(script)).not.toThrow()
    for (const choice of ['system', 'light', 'dark'] as const) expect(script).toContain(themeToggleLabel(choice))
    expect(Buffer.byteLength(script)).toBeLessThan(2500)
  })
})
