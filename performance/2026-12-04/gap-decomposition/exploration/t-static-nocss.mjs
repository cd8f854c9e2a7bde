// Bound: the article body emptied, every script removed and the inline stylesheet removed.
import noBody from './t-no-body.mjs'
import noScripts from './t-no-scripts.mjs'
import { editStyle } from './t-css.mjs'
export default function transform(html) {
  return editStyle(() => '')(noScripts(noBody(html)))
}
