// The shipped rule with its threshold moved: article blocks are skipped (content-visibility: auto) from the third
// on instead of the seventh, with the same exception for blocks that hold a list's link or button, or a <summary>.
export default function transform(html) {
  return html.replace('.prose-playbook>:where(:nth-child(n+7):', '.prose-playbook>:where(:nth-child(n+3):')
}
