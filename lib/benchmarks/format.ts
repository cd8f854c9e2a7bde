// How benchmark figures are written: medians at the precision the benchmark printed, ratios against a baseline in
// words, and changes between two runs as benchstat writes them.
import type { Change } from './stats'

/** Whether a bigger number is the better one: throughput units (…/s) are, costs (ns/op, B/op) are not. */
export function isHigherBetter(unit: string): boolean {
  return /\/s(ec)?$/.test(unit)
}

const timeUnit = /^(ns|µs|us|ms|s)\//

/**
 * How a row compares with the baseline on one metric, in words: "2.40× faster", "1.31× more".
 * Undefined when either value is zero, where a ratio means nothing.
 */
export function describeRelative(
  value: number,
  baseline: number,
  unit: string,
  better: 'lower' | 'higher',
): string | undefined {
  if (value === 0 || baseline === 0) return undefined
  const ratio = value / baseline
  if (Math.abs(ratio - 1) < 0.005) return 'same'
  const isBetter = better === 'lower' ? ratio < 1 : ratio > 1
  const factor = formatFactor(ratio >= 1 ? ratio : 1 / ratio)
  if (timeUnit.test(unit)) return `${factor}× ${isBetter ? 'faster' : 'slower'}`
  return `${factor}× ${ratio > 1 ? 'more' : 'less'}`
}

function formatFactor(factor: number): string {
  return factor < 10 ? factor.toFixed(2) : factor < 100 ? factor.toFixed(1) : factor.toFixed(0)
}

/**
 * A measurement with thousands separators and the precision the benchmark printed, trailing zeros included
 * (one more place when the median of an even number of runs falls between two printed values).
 */
export function formatMeasurement(value: number, decimals: number): string {
  return measurementFormat(Math.min(decimals, 20)).format(value)
}

// Making an Intl.NumberFormat costs far more than formatting with one, and a build formats every cell of every
// benchmark table: one formatter per precision.
const measurementFormats = new Map<number, Intl.NumberFormat>()
function measurementFormat(decimals: number): Intl.NumberFormat {
  let format = measurementFormats.get(decimals)
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: Math.min(decimals + 1, 20),
    })
    measurementFormats.set(decimals, format)
  }
  return format
}

/** A median's confidence interval as benchstat prints it: "±3%". */
export function formatInterval(fraction: number): string {
  return `±${(fraction * 100).toFixed(0)}%`
}

/** A change as benchstat prints it: "−12.34%" (with a true minus sign), "+0.87%", or "~" when not significant. */
export function formatChange({ delta, significant }: Change): string {
  if (!significant) return '~'
  if (delta === undefined) return '?'
  if (delta === 0) return '0.00%'
  return `${delta > 0 ? '+' : '−'}${Math.abs(delta * 100).toFixed(2)}%`
}

/** A p-value as benchstat prints it: three decimals. */
export function formatP(p: number): string {
  return `p=${p.toFixed(3)}`
}
