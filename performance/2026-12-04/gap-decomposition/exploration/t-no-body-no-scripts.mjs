// Bound: the article body emptied and every script removed.
import noBody from './t-no-body.mjs'
import noScripts from './t-no-scripts.mjs'
export default function transform(html) {
  return noScripts(noBody(html))
}
