import sys from './t-system.mjs'
import skip from './t-skipall.mjs'
export default function transform(h) {
  return skip(sys(h))
}
