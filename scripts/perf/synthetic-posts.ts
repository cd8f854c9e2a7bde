// Synthetic posts for timing builds at scale (scripts/perf/build-at-scale.ts): N posts shaped like the journal's real
// ones (about 2,000 words of prose under h2/h3 headings, 3–5 code blocks in several languages, a callout, a
// benchmark table fed by a bench/results.txt in Go's benchmark format, links to other posts and to their own
// headings), composed deterministically from a seed out of a vocabulary of backend topics. They are build-timing
// fixtures: the prose is plausible but says nothing true, and every benchmark figure is made up. Each file says so
// in its header; none of this is ever written into posts/.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export type SyntheticPost = { slug: string; title: string; date: string; files: Record<string, string> }

export type SyntheticOptions = {
  /** How many posts. */
  count: number
  /** The same seed gives the same posts, byte for byte. */
  seed?: number
  /** Target words of prose per post (code, tables and frontmatter are extra). */
  words?: number
}

/** mulberry32: a small, fast, seedable generator; quality is ample for choosing words. */
function randomFrom(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]
  const some = <T>(items: readonly T[], n: number): T[] => {
    const pool = [...items]
    const chosen: T[] = []
    while (chosen.length < n && pool.length > 0) chosen.push(pool.splice(Math.floor(next() * pool.length), 1)[0])
    return chosen
  }
  return { next, int, pick, some }
}

type Random = ReturnType<typeof randomFrom>

const subjects = [
  'the connection pool',
  'the write-ahead log',
  'the goroutine scheduler',
  'the query planner',
  'the garbage collector',
  'the message broker',
  'the retry loop',
  'the rate limiter',
  'the circuit breaker',
  'the page cache',
  'the B-tree index',
  'the replication stream',
  'the job queue',
  'the load balancer',
  'the container runtime',
  'the build cache',
  'the worker pool',
  'the LSM compaction',
  'the TLS handshake',
  'the DNS resolver',
  'the event loop',
  'the vacuum process',
  'the checkpointer',
  'the sidecar proxy',
  'the allocation path',
  'the serializer',
  'the hash join',
  'the lock manager',
  'the health check',
  'the autoscaler',
] as const

const verbs = [
  'amplifies',
  'hides',
  'serialises',
  'batches',
  'throttles',
  'reorders',
  'duplicates',
  'starves',
  'absorbs',
  'delays',
  'exposes',
  'multiplies',
  'bounds',
  'smooths out',
  'pins',
] as const

const objects = [
  'tail latency',
  'write throughput',
  'memory pressure',
  'lock contention',
  'cache misses',
  'network round trips',
  'fsync calls',
  'context switches',
  'allocation churn',
  'queue depth',
  'idle connections',
  'cold starts',
  'replication lag',
  'CPU steal',
  'disk seeks',
  'open file descriptors',
] as const

const conditions = [
  'under a sudden burst of traffic',
  'when the working set outgrows memory',
  'once the retry budget is spent',
  'on a two-core machine',
  'during a rolling deploy',
  'when a replica falls behind',
  'at the end of every billing cycle',
  'under a steady trickle of small writes',
  'when half the clients reconnect at once',
  'after a long-running transaction',
  'with the default settings',
  'when the container hits its memory limit',
  'during a schema migration',
  'at ten thousand requests per second',
] as const

const openers = [
  'In practice,',
  'Measured on a quiet machine,',
  'The surprising part is that',
  'Most of the time,',
  'Put differently,',
  'On paper,',
  'Once you look at a profile,',
  'In the incident that started this,',
  'The fix that looks obvious is wrong because',
  'Counter-intuitively,',
  'A flame graph makes it plain:',
  'For a service of this size,',
] as const

const closers = [
  'and nobody notices until the pager goes off',
  'which is why the median looks fine while the p99 does not',
  'so the cheapest change is usually a configuration flag',
  'and the dashboards average it away',
  'so measure it before changing anything',
  'which the benchmark below makes visible',
  'and that cost grows with every new tenant',
  'so the second run is always faster than the first',
  'which the defaults were never tuned for',
  'and the logs say nothing about it',
] as const

const adjectives = ['bounded', 'idempotent', 'lazy', 'sharded', 'pooled', 'batched', 'lock-free', 'durable'] as const

const titlePatterns = [
  (s: string, o: string) => `Why ${s} ${pickVerbForTitle(s)} ${o}`,
  (s: string, o: string) => `Measuring ${o} in ${s}`,
  (s: string, o: string) => `${capitalize(s)} and ${o}: a field guide`,
  (s: string, o: string) => `What ${s} costs you in ${o}`,
  (s: string, o: string) => `Taming ${o} with ${s}`,
  (s: string, o: string) => `${capitalize(s)} under load: reading ${o}`,
  (s: string, o: string) => `A closer look at ${o} behind ${s}`,
  (s: string, o: string) => `Profiling ${o} caused by ${s}`,
] as const

function pickVerbForTitle(subject: string): string {
  return verbs[subject.length % verbs.length]
}

const tags = [
  'go',
  'performance',
  'databases',
  'postgres',
  'python',
  'containers',
  'kubernetes',
  'observability',
  'networking',
  'concurrency',
  'memory',
  'queues',
  'reliability',
  'caching',
  'storage',
  'testing',
  'security',
  'linux',
  'architecture',
  'distributed-systems',
] as const

const headingWords = [
  'baseline',
  'the failure mode',
  'what the profile shows',
  'a smaller reproduction',
  'the trade off',
  'tuning the defaults',
  'reading the numbers',
  'when not to bother',
  'a safer rollout',
  'the cost model',
  'what changed',
  'edge cases',
  'monitoring it',
  'the second attempt',
] as const

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function kebab(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

/** What rehype-slug (github-slugger) makes of a heading of lowercase words and spaces. */
function headingId(text: string): string {
  return text.toLowerCase().replace(/ /g, '-')
}

function sentence(random: Random): string {
  const subject = random.pick(subjects)
  const body = `${subject} ${random.pick(verbs)} ${random.pick(objects)} ${random.pick(conditions)}`
  const shape = random.int(0, 3)
  if (shape === 0) return `${capitalize(body)}, ${random.pick(closers)}.`
  if (shape === 1) return `${random.pick(openers)} ${body}.`
  if (shape === 2)
    return `The cost of ${random.pick(objects)} rises when ${subject} is not ${random.pick(adjectives)}, ${random.pick(closers)}.`
  return `${capitalize(body)}; a ${random.pick(adjectives)} design ${random.pick(verbs)} ${random.pick(objects)} instead.`
}

function paragraph(random: Random, extra?: string): string {
  const sentences = Array.from({ length: random.int(4, 7) }, () => sentence(random))
  if (extra) sentences.splice(random.int(1, sentences.length - 1), 0, extra)
  return sentences.join(' ')
}

const identifiers = ['orders', 'sessions', 'events', 'invoices', 'jobs', 'accounts', 'payments', 'shipments'] as const

function codeBlock(random: Random, language: string, index: number): string {
  const table = random.pick(identifiers)
  const limit = random.int(2, 64)
  const blocks: Record<string, () => string> = {
    go: () =>
      [
        `\`\`\`go title="${table}.go" {${random.int(3, 5)}-${random.int(6, 8)}}`,
        'package store',
        '',
        `// Drain${capitalize(table)} reads ${table} in batches of ${limit} until the channel closes.`,
        `func Drain${capitalize(table)}(ctx context.Context, in <-chan Row, flush func([]Row) error) error {`,
        `\tbatch := make([]Row, 0, ${limit})`,
        '\tfor {',
        '\t\tselect {',
        '\t\tcase row, ok := <-in:',
        '\t\t\tif !ok {',
        '\t\t\t\treturn flush(batch)',
        '\t\t\t}',
        '\t\t\tbatch = append(batch, row)',
        `\t\t\tif len(batch) == ${limit} {`,
        '\t\t\t\tif err := flush(batch); err != nil {',
        `\t\t\t\t\treturn fmt.Errorf("flush ${table}: %w", err)`,
        '\t\t\t\t}',
        '\t\t\t\tbatch = batch[:0]',
        '\t\t\t}',
        '\t\tcase <-ctx.Done():',
        '\t\t\treturn ctx.Err()',
        '\t\t}',
        '\t}',
        '}',
        '```',
      ].join('\n'),
    sql: () =>
      [
        '```sql',
        `-- The ${table} that waited longest, with the index the planner should pick.`,
        `CREATE INDEX CONCURRENTLY IF NOT EXISTS ${table}_pending_idx`,
        `  ON ${table} (created_at) WHERE status = 'pending';`,
        '',
        `SELECT id, created_at, now() - created_at AS waited`,
        `FROM ${table}`,
        `WHERE status = 'pending'`,
        'ORDER BY created_at',
        `LIMIT ${limit}`,
        'FOR UPDATE SKIP LOCKED;',
        '```',
      ].join('\n'),
    python: () =>
      [
        `\`\`\`python title="worker_${index}.py"`,
        'import asyncio',
        'import time',
        '',
        '',
        `async def drain_${table}(queue: asyncio.Queue, limit: int = ${limit}) -> list[float]:`,
        `    """Takes up to \`limit\` ${table} off the queue and returns how long each one waited."""`,
        '    waits = []',
        '    while len(waits) < limit:',
        '        enqueued_at = await queue.get()',
        '        waits.append(time.monotonic() - enqueued_at)',
        '        queue.task_done()',
        '    return waits',
        '```',
      ].join('\n'),
    bash: () =>
      [
        '```bash',
        `# Run the ${table} benchmark ${random.int(3, 10)} times and keep the raw output next to the post.`,
        'set -euo pipefail',
        `go test -run '^$' -bench 'Drain${capitalize(table)}' -benchmem -count 6 ./... | tee bench/results.txt`,
        `pidstat -r -p "$(pgrep -n ${table}-worker)" 1 ${random.int(5, 30)}`,
        '```',
      ].join('\n'),
    yaml: () =>
      [
        '```yaml title="deployment.yaml"',
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        `  name: ${table}-worker`,
        'spec:',
        `  replicas: ${random.int(2, 6)}`,
        '  template:',
        '    spec:',
        '      containers:',
        `        - name: ${table}-worker`,
        '          resources:',
        `            requests: { cpu: ${random.int(1, 4) * 250}m, memory: ${random.int(1, 8) * 128}Mi }`,
        `            limits: { memory: ${random.int(8, 16) * 128}Mi }`,
        '```',
      ].join('\n'),
  }
  return blocks[language]()
}

function benchmarkOutput(random: Random, slug: string): { text: string; names: string[] } {
  const table = random.pick(identifiers)
  const variants = random.some(['naive', 'pooled', 'batched', 'prealloc', 'sharded', 'buffered'], random.int(2, 4))
  const sizes = random.some([16, 64, 256, 1024, 4096], 2).sort((a, b) => a - b)
  const lines = [
    'note: synthetic build-timing fixture written by scripts/perf/build-at-scale.ts; these figures are made up, not measured',
    'goos: linux',
    'goarch: amd64',
    `pkg: playbook/synthetic/${slug}/bench`,
    'cpu: synthetic',
  ]
  const names: string[] = []
  for (const size of sizes) {
    for (const [rank, variant] of variants.entries()) {
      const name = `Drain${capitalize(table)}/${variant}/n=${size}`
      names.push(name)
      const nsPerOp = size * (40 + random.int(0, 60)) * (1 + rank * 0.35)
      const bytes = size * random.pick([0, 8, 16, 48])
      const allocs = bytes === 0 ? 0 : random.int(1, 12)
      for (let run = 0; run < 6; run++) {
        const ns = nsPerOp * (0.95 + random.next() * 0.1)
        const iterations = Math.max(1, Math.round(1e9 / ns))
        lines.push(
          `Benchmark${name}-2\t${String(iterations).padStart(10)}\t${ns.toFixed(1).padStart(12)} ns/op\t${String(bytes).padStart(8)} B/op\t${String(allocs).padStart(6)} allocs/op`,
        )
      }
    }
  }
  lines.push('PASS', `ok  \tplaybook/synthetic/${slug}/bench\t${random.int(20, 90)}.${random.int(100, 999)}s`)
  return { text: `${lines.join('\n')}\n`, names }
}

function calendarDay(dayIndex: number): string {
  return new Date(Date.UTC(2019, 0, 1) + dayIndex * 86_400_000).toISOString().slice(0, 10)
}

/**
 * Composes `count` posts. Dates spread over 2019–2025 (all published), titles and slugs are unique, and each
 * post after the first links to up to three posts composed before it, so every link resolves.
 */
export function syntheticPosts({ count, seed = 1, words = 2000 }: SyntheticOptions): SyntheticPost[] {
  const random = randomFrom(seed)
  const posts: SyntheticPost[] = []
  const titles = new Set<string>()
  const span = 7 * 365

  for (let index = 0; index < count; index++) {
    let title = ''
    for (let attempt = 0; attempt < 20 && (title === '' || titles.has(title.toLowerCase())); attempt++) {
      title = random.pick(titlePatterns)(random.pick(subjects), random.pick(objects))
    }
    if (titles.has(title.toLowerCase())) title = `${title}, part ${index + 1}`
    titles.add(title.toLowerCase())
    const slug = kebab(title)
    const date = calendarDay(Math.floor((index / Math.max(1, count)) * span) + random.int(0, 2))
    const postTags = random.some(tags, random.int(2, 4))
    const languages = random.some(['go', 'sql', 'python', 'bash', 'yaml'], random.int(3, 5))
    const bench = benchmarkOutput(random, slug)
    const related = index === 0 ? [] : random.some(posts.slice(Math.max(0, index - 50)), Math.min(3, index))
    const sections = random.some(headingWords, 6)

    const body: string[] = [
      "import results from './bench/results.txt'",
      '',
      '{/* A synthetic build-timing fixture written by scripts/perf/build-at-scale.ts: the prose is composed from a vocabulary and every figure is made up. */}',
      '',
      paragraph(random),
      '',
    ]
    let written = body.join(' ').split(/\s+/).length
    // A section stops at the paragraph that crosses its share, so aim a little under it.
    const perSection = Math.ceil((words * 0.85) / sections.length)
    sections.forEach((heading, sectionIndex) => {
      body.push(`## ${capitalize(heading)}`, '')
      const sectionStart = written
      const linkTo = related[sectionIndex]
      let paragraphs = 0
      while (written - sectionStart < perSection) {
        const extra =
          paragraphs === 0 && linkTo
            ? `The same effect shows up in [${linkTo.title}](/posts/${linkTo.slug}), from another angle.`
            : paragraphs === 1 && sectionIndex > 0
              ? `We set this up in [the ${sections[0]} section](#${headingId(sections[0])}).`
              : undefined
        const text = paragraph(random, extra)
        body.push(text, '')
        written += text.split(/\s+/).length
        paragraphs++
        if (paragraphs === 2 && sectionIndex % 2 === 1) body.push(`### ${capitalize(random.pick(headingWords))}`, '')
      }
      if (sectionIndex < languages.length) body.push(codeBlock(random, languages[sectionIndex], sectionIndex), '')
      if (sectionIndex === 1) {
        const type = random.pick(['note', 'tip', 'warning', 'danger'])
        body.push(
          `<Callout type="${type}" title="${capitalize(random.pick(objects))}">${sentence(random)}</Callout>`,
          '',
        )
      }
      if (sectionIndex === 2) {
        const baseline = bench.names[0]
        const smallest = baseline.split('/').pop()
        body.push(
          `<BenchmarkTable results={results} caption="${capitalize(random.pick(objects))} by variant (synthetic figures)" baseline="${baseline}" />`,
          '',
          `<BenchmarkTable results={results} caption="At ${smallest} only" filter="/${smallest}$" baseline="${baseline}" units={['ns/op', 'allocs/op']} />`,
          '',
        )
      }
    })

    const frontmatter = [
      '---',
      '# A synthetic build-timing fixture (scripts/perf/build-at-scale.ts): not an article.',
      `title: "${title}"`,
      `date: ${date}`,
      `summary: "${sentence(random).replace(/"/g, "'")}"`,
      `tags: [${postTags.join(', ')}]`,
      '---',
      '',
    ]
    posts.push({
      slug,
      title,
      date,
      files: {
        'index.mdx': `${frontmatter.join('\n')}${body.join('\n')}`,
        'bench/results.txt': bench.text,
      },
    })
  }
  return posts
}

/** Writes posts into `directory` as post folders (`<slug>/index.mdx`, `<slug>/bench/results.txt`). */
export function writeSyntheticPosts(directory: string, posts: SyntheticPost[]): void {
  for (const post of posts) {
    for (const [name, contents] of Object.entries(post.files)) {
      const file = path.join(directory, post.slug, name)
      mkdirSync(path.dirname(file), { recursive: true })
      writeFileSync(file, contents)
    }
  }
}
