// Facts about the journal, in one place: the layout, metadata, feeds and JSON-LD all read them from here.
export const site = {
  name: "The Backend Engineer's Playbook",
  shortName: 'Backend Playbook',
  description:
    'Long-form articles on Go performance, databases, containers and Python workers, with every benchmark reproducible from the repository.',
  tagline: 'Long-form backend engineering, measured.',
  url: (process.env.SITE_URL ?? 'https://backend-playbook.dev').replace(/\/+$/, ''),
  author: 'The Playbook editors',
  locale: 'en-US',
  /** The repository's web address (e.g. https://github.com/org/playbook): articles link to their history there. */
  repositoryUrl: process.env.REPOSITORY_URL?.replace(/\/+$/, ''),
  repositoryBranch: process.env.REPOSITORY_BRANCH ?? 'main',
} as const
