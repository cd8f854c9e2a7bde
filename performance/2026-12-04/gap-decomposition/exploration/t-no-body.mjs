// Bound: the article body emptied, everything else of the page as served.
import { removeBodyBlocks } from './t-body-blocks.mjs'
export default function transform(html) {
  return removeBodyBlocks(html, (blocks) => blocks)
}
