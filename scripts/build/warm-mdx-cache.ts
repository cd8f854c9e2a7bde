// Run by scripts/build/build.mjs before `next build`: compiles every post into the build folder's MDX cache
// (lib/mdx/compile.ts) with one process per core, so that the build reads compiled posts from disk. Without it the
// whole corpus is compiled by the one build worker that runs /posts/[slug]'s generateStaticParams (validatePosts),
// on one core: at a thousand posts that was most of the build.
//
// It only warms the cache: a post that fails to compile is left for the build, which reports every problem with
// its file and line and fails, exactly as without this step. Posts already in the cache cost a hash of their folder.
//
//   node --conditions=react-server --import tsx scripts/build/warm-mdx-cache.ts            coordinator: one shard per core
//   node --conditions=react-server --import tsx scripts/build/warm-mdx-cache.ts --shard 0/2  one shard (run by the above)
import { spawn } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import pMap from 'p-map'
import { compileMdx } from '../../lib/mdx/compile'
import { postsDirectory, readPosts } from '../../lib/content/posts'

// Posts in flight per process: esbuild bundles in its own process, so a few at once keep a core busy.
const compilesInFlight = 4

const { values: options } = parseArgs({ options: { shard: { type: 'string' } } })

type ShardResult = { compiled: number; failed: number }

async function runShard(index: number, shards: number): Promise<ShardResult> {
  const { posts } = await readPosts(postsDirectory())
  const mine = posts.filter((_, position) => position % shards === index)
  const result: ShardResult = { compiled: 0, failed: 0 }
  await pMap(
    mine,
    async (post) => {
      try {
        await compileMdx(path.join(postsDirectory(), post.slug, 'index.mdx'))
        result.compiled++
      } catch {
        // The build compiles this post again and reports its problems.
        result.failed++
      }
    },
    { concurrency: compilesInFlight },
  )
  return result
}

function spawnShard(index: number, shards: number): Promise<ShardResult> {
  const child = spawn(process.execPath, [...process.execArgv, process.argv[1], '--shard', `${index}/${shards}`], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return new Promise((resolve) =>
    child.on('close', (status) => {
      try {
        resolve(JSON.parse(output) as ShardResult)
      } catch {
        console.warn(`warm-mdx-cache: shard ${index} exited with ${status}; the build compiles its posts itself`)
        resolve({ compiled: 0, failed: 0 })
      }
    }),
  )
}

async function main() {
  if (options.shard) {
    const [index, shards] = options.shard.split('/').map(Number)
    process.stdout.write(JSON.stringify(await runShard(index, shards)))
    return
  }
  const started = performance.now()
  const shards = Math.max(1, os.availableParallelism())
  console.log(`Warming the MDX cache with ${shards} processes`)
  const results = await Promise.all(Array.from({ length: shards }, (_, index) => spawnShard(index, shards)))
  const compiled = results.reduce((total, result) => total + result.compiled, 0)
  const failed = results.reduce((total, result) => total + result.failed, 0)
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  console.log(
    `MDX cache warmed in ${seconds} s: ${compiled} posts ready` +
      (failed > 0 ? `, ${failed} left for the build to report` : ''),
  )
}

void main()
