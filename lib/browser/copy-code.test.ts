import { describe, expect, it } from 'vitest'
import { codeToCopy } from './copy-code'

describe('codeToCopy', () => {
  it('copies a shell session’s commands without prompts or output', () => {
    const lines = ['$ go test -bench . ./...', 'ok  	example	1.2s', '$ docker build \\', '    -t app .', 'Step 1/4']
    expect(codeToCopy(lines, 'bash')).toBe('go test -bench . ./...\ndocker build \\\n    -t app .')
  })

  it('copies a shell block without prompts as written', () => {
    expect(codeToCopy(['export GOGC=50', 'go run .'], 'bash')).toBe('export GOGC=50\ngo run .')
  })

  it('copies other languages as shown, dollar signs and all', () => {
    const lines = ['$ = jQuery', 'price := "$ 5"']
    expect(codeToCopy(lines, 'go')).toBe(lines.join('\n'))
    expect(codeToCopy(lines)).toBe(lines.join('\n'))
  })
})
