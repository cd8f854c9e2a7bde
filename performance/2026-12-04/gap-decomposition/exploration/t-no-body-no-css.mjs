// Bound: the article body emptied and the inline stylesheet removed.
import noBody from './t-no-body.mjs'
import { editStyle } from './t-css.mjs'
export default function transform(html) {
  return editStyle(() => '')(noBody(html))
}
