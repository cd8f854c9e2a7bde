// The scaffold behind `npm run new-post -- "Title"`: a slug from the title and a draft whose frontmatter passes
// validation, so the author starts from a post that builds.

export function slugFromTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

export function draftPostSource({ title, date, tags }: { title: string; date: string; tags: string[] }): string {
  return [
    '---',
    `title: ${JSON.stringify(title)}`,
    `date: ${date}`,
    'summary: "One or two sentences that tell a reader what they will learn."',
    `tags: [${tags.join(', ')}]`,
    'draft: true',
    '---',
    '',
    'The opening paragraph: the problem, and why the reader should care.',
    '',
    '## The first section',
    '',
    '<Callout type="tip" title="The short version">',
    'The one thing to remember.',
    '</Callout>',
    '',
  ].join('\n')
}
