// What the site's stylesheet costs a page load, by trace event: compareLoads (../layout-passes/traced-load.mjs) with
// Blink's style categories, summing the stylesheet's parsing, the rule sets built from it, and the style
// recalculations. Usage, from this folder: npx tsx css-cost.mjs <runs> <name>=<url> …
import { compareLoads, sumOf } from '../layout-passes/traced-load.mjs'

await compareLoads(
  process.argv.slice(2),
  {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'blink_style', 'blink.debug'],
    after: 2000,
  },
  (main) => ({
    'busy, wall': sumOf(main, ['RunTask']),
    'stylesheet parse (CSSParserImpl::parseStyleSheet)': sumOf(main, ['CSSParserImpl::parseStyleSheet']),
    'rule sets (RuleSet::addRulesFromSheet)': sumOf(main, ['RuleSet::addRulesFromSheet']),
    'active style (Document::updateActiveStyle)': sumOf(main, ['Document::updateActiveStyle']),
    'style recalc (Document::recalcStyle)': sumOf(main, ['Document::recalcStyle']),
    'layout tree (Document::rebuildLayoutTree)': sumOf(main, ['Document::rebuildLayoutTree']),
    'layout (Layout)': sumOf(main, ['Layout']),
    'HTML parsing (ParseHTML)': sumOf(main, ['ParseHTML']),
  }),
)
