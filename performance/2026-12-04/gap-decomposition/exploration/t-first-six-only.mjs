// Bound: the article body cut to its first six blocks, everything else of the page as served.
import { removeBodyBlocks } from './t-body-blocks.mjs'
export default function transform(html) {
  return removeBodyBlocks(html, (blocks) => blocks.slice(6))
}
