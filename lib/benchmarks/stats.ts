// The statistics benchstat (golang.org/x/perf/cmd/benchstat) reports, so that a table in an article and benchstat
// run on the same output agree: the median of the runs, a distribution-free 95 % confidence interval for it (from
// order statistics), and the Mann–Whitney U test for whether two sets of runs differ, at α = 0.05.

/** The median: the middle run, or the mean of the two middle runs. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

function logChoose(n: number, k: number): number {
  let sum = 0
  for (let i = 1; i <= k; i++) sum += Math.log(n - k + i) - Math.log(i)
  return sum
}

/** n choose k, exact while it stays below 2⁵³ (every product along the way is a whole binomial coefficient). */
function choose(n: number, k: number): number {
  let result = 1
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i
  return result
}

/** P(K = k) for K ~ Binomial(n, ½): the chance that exactly k of n runs fall below the true median. */
function halfBinomial(n: number, k: number): number {
  return k < 0 || k > n ? 0 : Math.exp(logChoose(n, k) - n * Math.LN2)
}

export type MedianInterval = {
  median: number
  /** The interval's ends; infinite when there are too few runs for the confidence asked. */
  lo: number
  hi: number
  /** The interval's real confidence, at least the one asked for. */
  confidence: number
}

/**
 * The median with a confidence interval that assumes nothing about the distribution of the runs. The number of runs
 * below the true median is Binomial(n, ½), so the interval between two sorted runs covers it with a probability
 * summed from that distribution: start at its mode and widen towards the likelier side (the left on a tie) until
 * the sum reaches the confidence asked. This is the interval benchstat prints (with six or more runs; fewer cannot
 * reach 95 %, and the ends are then infinite).
 */
export function medianInterval(values: number[], confidence = 0.95): MedianInterval {
  const sorted = [...values].sort((a, b) => a - b)
  const n = sorted.length
  // Interval k lies between the k-th and the (k+1)-th run (1-based); [left, right) is the span summed so far.
  let left = Math.ceil((n + 1) / 2) - 1
  let right = left + 1
  let covered = halfBinomial(n, left)
  while (covered < confidence) {
    const below = halfBinomial(n, left - 1)
    const above = halfBinomial(n, right)
    if (below === 0 && above === 0) break
    if (below >= above) {
      covered += below
      left--
    } else {
      covered += above
      right++
    }
  }
  return {
    median: median(sorted),
    lo: left < 1 ? -Infinity : sorted[left - 1],
    hi: right > n ? Infinity : sorted[right - 1],
    confidence: Math.min(1, covered),
  }
}

/**
 * The ± benchstat prints beside a median: how far the farther end of its confidence interval lies from it, as a
 * fraction of it. Undefined when the interval is infinite (too few runs) or crosses zero.
 */
export function relativeInterval({ median, lo, hi }: MedianInterval): number | undefined {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return undefined
  if (median === 0) return lo === 0 && hi === 0 ? 0 : undefined
  if (Math.sign(lo) !== Math.sign(median) || Math.sign(hi) !== Math.sign(median)) return undefined
  return Math.max(hi / median - 1, 1 - lo / median)
}

// Up to these sample sizes the test is exact (as benchstat's); above them it uses the normal approximation.
const exactLimit = 50
const exactLimitWithTies = 25

/**
 * The two-sided p-value of the Mann–Whitney U test: the chance, if both sets of runs came from one distribution,
 * of a rank sum at least as far from its mean as this one. Exact for small samples, ties included: the
 * distribution of the rank sum is counted over every way of choosing which runs belong to the first set. Two sets
 * whose runs are all the same value give 1 (no difference can be shown).
 */
export function mannWhitneyP(first: number[], second: number[]): number {
  const n1 = first.length
  const n2 = second.length
  if (n1 === 0 || n2 === 0) return 1
  const merged = [
    ...first.map((value) => ({ value, fromFirst: true })),
    ...second.map((value) => ({ value, fromFirst: false })),
  ]
  merged.sort((a, b) => a.value - b.value)

  // Runs of equal values share the mean of their ranks; doubled, every rank is a whole number.
  const groups: { size: number; doubledRank: number }[] = []
  let doubledRankSum = 0
  for (let start = 0; start < merged.length;) {
    let end = start
    while (end < merged.length && merged[end].value === merged[start].value) end++
    const doubledRank = start + 1 + end
    groups.push({ size: end - start, doubledRank })
    doubledRankSum += doubledRank * merged.slice(start, end).filter(({ fromFirst }) => fromFirst).length
    start = end
  }
  if (groups.length === 1) return 1

  const doubledU1 = doubledRankSum - n1 * (n1 + 1)
  const doubledU2 = 2 * n1 * n2 - doubledU1
  if (doubledU1 === doubledU2) return 1
  const hasTies = groups.some(({ size }) => size > 1)
  const exact = hasTies ? n1 <= exactLimitWithTies && n2 <= exactLimitWithTies : n1 <= exactLimit && n2 <= exactLimit
  if (exact) return Math.min(1, 2 * exactCdf(groups, n1, Math.min(doubledU1, doubledU2)))

  const N = n1 + n2
  const ties = groups.reduce((sum, { size }) => sum + size ** 3 - size, 0)
  const sigma = Math.sqrt(((n1 * n2) / 12) * (N + 1 - ties / (N * (N - 1))))
  const deviation = doubledU1 / 2 - (n1 * n2) / 2
  const z = (deviation - Math.sign(deviation) * 0.5) / sigma
  return Math.min(1, 2 * standardNormalCdf(-Math.abs(z)))
}

/** P(2·U₁ ≤ doubledU) when n1 runs are drawn at random from the merged ones, counted over every such choice. */
function exactCdf(groups: { size: number; doubledRank: number }[], n1: number, doubledU: number): number {
  // ways[k] maps a doubled rank sum of k chosen runs to the number of choices that give it.
  let ways: Map<number, number>[] = [new Map([[0, 1]])]
  for (const { size, doubledRank } of groups) {
    const next: Map<number, number>[] = []
    ways.forEach((sums, chosen) => {
      for (let take = 0; take <= size && chosen + take <= n1; take++) {
        const choices = choose(size, take)
        const target = (next[chosen + take] ??= new Map())
        for (const [sum, count] of sums) {
          const key = sum + take * doubledRank
          target.set(key, (target.get(key) ?? 0) + count * choices)
        }
      }
    })
    ways = next
  }
  const total = choose(
    groups.reduce((sum, { size }) => sum + size, 0),
    n1,
  )
  let below = 0
  for (const [doubledRankSum, count] of ways[n1] ?? []) {
    if (doubledRankSum - n1 * (n1 + 1) <= doubledU + 1e-9) below += count
  }
  return below / total
}

/** Φ(z), from the complementary error function (Numerical Recipes' erfc, accurate to about 1e-7). */
function standardNormalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2
  const t = 1 / (1 + 0.5 * x)
  const erfc =
    t *
    Math.exp(
      -x * x -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    )
  return z >= 0 ? 1 - erfc / 2 : erfc / 2
}

/** How a benchmark changed between two sets of runs, as benchstat reports it. */
export type Change = {
  /** new median / old median − 1; undefined when the old median is zero. */
  delta?: number
  p: number
  /** p ≤ α: the runs differ. Otherwise benchstat prints "~" and no difference is claimed. */
  significant: boolean
}

export const significanceLevel = 0.05

export function compareRuns(before: number[], after: number[], alpha = significanceLevel): Change {
  const p = mannWhitneyP(before, after)
  const old = median(before)
  return { p, significant: p <= alpha, delta: old === 0 ? undefined : median(after) / old - 1 }
}
