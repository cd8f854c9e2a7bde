const shellLanguages = new Set(['bash', 'sh', 'shell', 'zsh', 'console', 'shellsession', 'powershell'])
const prompt = /^\s*\$ /

/**
 * The text a code block's copy button puts on the clipboard. A shell session written with `$ ` prompts copies its
 * commands only, without the prompts and without the output between them; a command continued with a trailing
 * backslash keeps its continuation lines. Any other block copies as shown.
 */
export function codeToCopy(lines: string[], language?: string): string {
  if (!language || !shellLanguages.has(language) || !lines.some((line) => prompt.test(line))) return lines.join('\n')
  const commands: string[] = []
  let continues = false
  for (const line of lines) {
    if (prompt.test(line)) commands.push(line.replace(prompt, ''))
    else if (continues) commands.push(line)
    continues = (prompt.test(line) || continues) && line.trimEnd().endsWith('\\')
  }
  return commands.join('\n')
}
