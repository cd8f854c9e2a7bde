import { describe, expect, it } from 'vitest'
import { compareRuns, mannWhitneyP, median, medianInterval, relativeInterval } from './stats'

// Expected values are what benchstat (golang.org/x/perf, 2026-09) printed for the same runs.
describe('medianInterval', () => {
  it('is infinite with fewer than six runs, as 95 % needs six', () => {
    expect(medianInterval([1, 2, 3, 4, 5])).toMatchObject({ median: 3, lo: -Infinity })
    expect(relativeInterval(medianInterval([1, 2, 3, 4, 5]))).toBeUndefined()
  })

  it('spans the 2nd to the 9th of ten sorted runs', () => {
    const interval = medianInterval([108, 100, 101, 102, 103, 104, 105, 106, 107, 120])
    expect(interval).toMatchObject({ median: 104.5, lo: 101, hi: 108 })
    expect(interval.confidence).toBeCloseTo(0.9785, 4)
  })

  it('gives the ± benchstat prints', () => {
    // benchstat: 99.5 ± 4% for eight runs, 1.0225µ ± 5% for six.
    expect(Math.round(relativeInterval(medianInterval([103, 102, 101, 101, 99, 96, 97, 98]))! * 100)).toBe(4)
    expect(Math.round(relativeInterval(medianInterval([1040, 1015, 1005, 1000, 1030, 1070]))! * 100)).toBe(5)
  })
})

describe('mannWhitneyP', () => {
  it('is exact for small samples, as benchstat', () => {
    expect(
      mannWhitneyP(
        [103, 102, 101, 101, 99, 96, 97, 98],
        [100, 104, 98, 106, 104, 107, 107, 110, 107, 106, 102, 105],
      ).toFixed(3),
    ).toBe('0.003')
    expect(mannWhitneyP([995, 1025, 1010, 980, 965, 995], [1040, 1015, 1005, 1000, 1030, 1070]).toFixed(3)).toBe(
      '0.037',
    )
  })

  it('uses the normal approximation with a tie correction for many tied runs, as benchstat', () => {
    const old = [100, 100, 105, 100, 95, 100, 100, 95, 100, 95, 105, 100, 95, 105, 95, 100, 100, 100, 100, 100]
    const now = [
      100, 100, 100, 95, 100, 100, 105, 100, 100, 100, 105, 105, 105, 100, 105, 95, 100, 100, 105, 110, 100, 100, 100,
      105, 105, 100, 100, 110, 100, 105,
    ]
    expect(mannWhitneyP(old, now).toFixed(3)).toBe('0.029')
  })

  it('never exceeds 1 (benchstat prints 1.538 here, twice a tail that holds most of the mass)', () => {
    expect(mannWhitneyP([...Array(19).fill(10), 9], Array(6).fill(10))).toBe(1)
  })

  it('is 1 when every run of both sets is the same value', () => {
    expect(mannWhitneyP([3, 3, 3], [3, 3, 3])).toBe(1)
  })
})

describe('compareRuns', () => {
  it('reports the change of the median and whether it is significant at α = 0.05', () => {
    const change = compareRuns([995, 1025, 1010, 980, 965, 995], [1040, 1015, 1005, 1000, 1030, 1070])
    expect(change.significant).toBe(true)
    expect(change.delta! * 100).toBeCloseTo(2.76, 2)
    expect(compareRuns([1, 2, 3, 4, 5, 6], [2, 3, 4, 5, 6, 7]).significant).toBe(false)
    expect(median([4, 1, 3, 2])).toBe(2.5)
  })
})
