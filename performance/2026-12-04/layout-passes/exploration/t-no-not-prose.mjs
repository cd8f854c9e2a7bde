// A bound, not a change to ship: the typography plugin's selectors without their :not(:where(... not-prose ...))
// guard, which makes Chromium walk every matched element's ancestors looking for the class. Blocks marked not-prose
// (benchmark tables, diagrams, callouts) then get the article's typography too, so their look changes.
export default function transform(html) {
  return html
    .replaceAll(':not(:where([class~=not-prose],[class~=not-prose] *))', '')
    .replaceAll(':not(:where(.not-prose *))', '')
}
