// A remark plugin that checks the journal's components where they are written. A <Callout type> that does not
// exist, or a <BenchmarkTable> whose baseline, filter, units or labels do not fit its results, fails the compile at
// the post's line, with every problem of the post at once, instead of failing the render of one page later.
//
// Each of them is also given its place in the post as `source="posts/x/index.mdx:12"`, so that what only rendering
// can find (a prop computed from a variable) names the line as well.
//
// It also says once per article how the figures were measured: it reads the benchmark output each table imports,
// puts a <BenchmarkEnvironment> panel before the first table that has one, and gives every other table whose
// machine or toolchain differs from the article's a `differs` prop that names the difference.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Expression, Program } from 'estree'
import { valueToEstree } from 'estree-util-value-to-estree'
import type { Root } from 'mdast'
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx'
import { visit } from 'unist-util-visit'
import {
  benchmarkTableModel,
  BenchmarkSelectionError,
  compareBenchmarks,
  describeEnvironment,
  flameTree,
  parseRawProfile,
  ProfileParseError,
  topFunctions,
  type BenchmarkComparison,
  type BenchmarkSelection,
  type BenchmarkTableModel,
} from '../benchmarks'
import type { ContentProblem } from '../problems'

/** What lib/mdx/component-props.ts learned of a journal component while compiling, kept on its node. */
export type ComponentFacts = {
  /** Its attributes whose values are known while compiling. */
  values: Record<string, unknown>
  /** For a <BenchmarkTable>: the table it shows and the notes under its caption. */
  table?: { model: BenchmarkTableModel; notes: string[] }
  /** For a <FlameGraph>: the functions that account for the most, as shares of the total. */
  flame?: { name: string; flat: number; cumulative: number }[]
}

declare module 'mdast-util-mdx-jsx' {
  interface MdxJsxFlowElementData {
    playbook?: ComponentFacts
  }
  interface MdxJsxTextElementData {
    playbook?: ComponentFacts
  }
}

/** The kinds of <Callout>, in the order the error message lists them. */
const calloutTypes = ['note', 'tip', 'warning', 'danger'] as const

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement

/** A value an attribute's expression cannot be worked out to at compile time (it uses a variable, a call …). */
const notStatic = Symbol('not static')

/** The value of an expression made of literals (strings, numbers, arrays, objects), or notStatic. */
function staticValue(node: Expression | null | undefined): unknown {
  if (!node) return notStatic
  switch (node.type) {
    case 'Literal':
      return node.value
    case 'TemplateLiteral':
      return node.expressions.length === 0 ? node.quasis.map((quasi) => quasi.value.cooked).join('') : notStatic
    case 'UnaryExpression': {
      const argument = staticValue(node.argument)
      return node.operator === '-' && typeof argument === 'number' ? -argument : notStatic
    }
    case 'ArrayExpression': {
      const items = node.elements.map((element) =>
        element && element.type !== 'SpreadElement' ? staticValue(element) : notStatic,
      )
      return items.includes(notStatic) ? notStatic : items
    }
    case 'ObjectExpression': {
      const entries = node.properties.map((property) => {
        if (property.type !== 'Property' || property.computed || property.kind !== 'init') return notStatic
        const key = property.key.type === 'Identifier' ? property.key.name : staticValue(property.key as Expression)
        const value = staticValue(property.value as Expression)
        return typeof key === 'string' && value !== notStatic ? [key, value] : notStatic
      })
      return entries.includes(notStatic) ? notStatic : Object.fromEntries(entries as [string, unknown][])
    }
    default:
      return notStatic
  }
}

function expressionOf(program: Program | null | undefined): Expression | undefined {
  const statement = program?.body[0]
  return statement?.type === 'ExpressionStatement' ? statement.expression : undefined
}

/**
 * The text files a post imports by default import and that exist, by the name it gives them: results →
 * posts/x/bench/results.txt. A missing file is left to the bundler, which names the import's line.
 */
function importedTextFiles(tree: Root, postDirectory: string): Map<string, string> {
  const files = new Map<string, string>()
  visit(tree, 'mdxjsEsm', (node) => {
    for (const statement of node.data?.estree?.body ?? []) {
      if (statement.type !== 'ImportDeclaration' || typeof statement.source.value !== 'string') continue
      const file = path.resolve(postDirectory, statement.source.value)
      if (!file.startsWith(postDirectory + path.sep) || !file.endsWith('.txt') || !existsSync(file)) continue
      for (const specifier of statement.specifiers)
        if (specifier.type === 'ImportDefaultSpecifier') files.set(specifier.local.name, file)
    }
  })
  return files
}

/** An element's attributes whose values are known while compiling; the rest are left out. */
function attributeValues(element: JsxElement, imports: Map<string, string>): Record<string, unknown> {
  const values: Record<string, unknown> = {}
  for (const attribute of element.attributes) {
    if (attribute.type !== 'mdxJsxAttribute') continue
    const { name, value } = attribute
    if (value === null || value === undefined) values[name] = true
    else if (typeof value === 'string') values[name] = value
    else {
      const expression = expressionOf(value.data?.estree)
      if (expression?.type === 'Identifier' && imports.has(expression.name)) {
        values[name] = readFileSync(imports.get(expression.name)!, 'utf8')
      } else {
        const known = staticValue(expression)
        if (known !== notStatic) values[name] = known
      }
    }
  }
  return values
}

function expressionAttribute(name: string, value: unknown): MdxJsxAttribute {
  const expression = valueToEstree(value) as Expression
  return {
    type: 'mdxJsxAttribute',
    name,
    value: {
      type: 'mdxJsxAttributeValueExpression',
      value: JSON.stringify(value),
      data: {
        estree: {
          type: 'Program',
          sourceType: 'module',
          body: [{ type: 'ExpressionStatement', expression }],
        },
      },
    },
  }
}

const dataProps = [
  'results',
  'rows',
  'filter',
  'baseline',
  'metric',
  'better',
  'units',
  'labels',
  'before',
  'beforeLabel',
  'label',
] as const

/** What a table's caption says of its figures, in words, for the Markdown copy: the notes and the machine. */
function tableNotes(comparison: BenchmarkComparison, model: BenchmarkTableModel): string[] {
  const environment = describeEnvironment(comparison.environment)
    .map(([label, value]) => `${label} ${value}`)
    .join(', ')
  return [
    ...model.notes,
    ...(model.sameInEveryRow.length ? [`Every row: ${model.sameInEveryRow.join(', ')}.`] : []),
    ...(environment ? [`Measured on: ${environment}.`] : []),
  ]
}

/** The entries of `environment` that `article` does not have: what a table must say about its own machine. */
function differences(environment: [string, string][], article: [string, string][]): [string, string][] {
  const articleValues = new Map(article)
  return environment.filter(([label, value]) => articleValues.get(label) !== value)
}

export function remarkComponentProps({
  file,
  postDirectory,
  problems,
}: {
  file: string
  postDirectory: string
  problems: ContentProblem[]
}) {
  return () => (tree: Root) => {
    const imports = importedTextFiles(tree, postDirectory)
    let article: [string, string][] | undefined
    let panel:
      { parent: Root | JsxElement; before: JsxElement; environment: [string, string][]; runs: number } | undefined

    visit(tree, (node, index, parent) => {
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return
      const at = { file, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 }
      const values = attributeValues(node, imports)
      if (node.name === 'Callout' || node.name === 'BenchmarkTable' || node.name === 'FlameGraph')
        node.attributes.push({ type: 'mdxJsxAttribute', name: 'source', value: `${at.file}:${at.line}` })

      if (node.name === 'FlameGraph') {
        const title = typeof values.title === 'string' ? values.title : undefined
        const fail = (message: string) =>
          problems.push({ ...at, message: `<FlameGraph${title ? ` title="${title}"` : ''}>: ${message}` })
        if (!title) fail('needs a title="…" that says what the graph shows')
        if (typeof values.profile !== 'string' || typeof values.sample !== 'string')
          return fail('needs profile={…} (`go tool pprof -raw` output imported from the post\'s folder) and sample="…"')
        try {
          const tree = flameTree(parseRawProfile(values.profile), values.sample)
          node.data = {
            ...node.data,
            playbook: {
              values,
              flame: topFunctions(tree).map(({ name, flat, cumulative }) => ({
                name,
                flat: flat / tree.value,
                cumulative: cumulative / tree.value,
              })),
            },
          }
        } catch (error) {
          if (!(error instanceof ProfileParseError)) throw error
          fail(error.message)
        }
        return
      }

      if (node.name === 'Callout') {
        node.data = { ...node.data, playbook: { values } }
        // A type computed from a variable is checked when the page renders.
        const type = values.type
        if ('type' in values && !(calloutTypes as readonly unknown[]).includes(type))
          problems.push({
            ...at,
            message: `<Callout type=${JSON.stringify(type)}> is not a kind of callout: use ${calloutTypes.map((kind) => `type="${kind}"`).join(', ')}`,
          })
        return
      }
      if (node.name !== 'BenchmarkTable') return
      node.data = { ...node.data, playbook: { values } }

      const caption = typeof values.caption === 'string' ? values.caption : undefined
      const fail = (message: string) =>
        problems.push({ ...at, message: `<BenchmarkTable${caption ? ` caption="${caption}"` : ''}>: ${message}` })
      if (caption === undefined) fail('needs a caption="…" that says what the table shows')
      // A prop the compiler cannot see (a variable, a call) is checked when the page renders instead.
      const unknown = dataProps.filter((prop) =>
        node.attributes.some((a) => a.type === 'mdxJsxAttribute' && a.name === prop && !(prop in values)),
      )
      if (unknown.length > 0) return
      const selection = Object.fromEntries(
        dataProps.filter((prop) => prop in values).map((prop) => [prop, values[prop]]),
      )
      try {
        const comparison = compareBenchmarks(selection as BenchmarkSelection)
        const model = benchmarkTableModel(comparison, selection.beforeLabel as string, selection.label as string)
        node.data = { ...node.data, playbook: { values, table: { model, notes: tableNotes(comparison, model) } } }
        const chart = values.chart
        if (typeof chart === 'string' && !comparison.measuredUnits.includes(chart))
          throw new BenchmarkSelectionError(
            `chart="${chart}" is not among the units ${comparison.measuredUnits.join(', ')}`,
          )

        const environment = describeEnvironment(comparison.environment)
        if (environment.length === 0) return
        if (!article) {
          article = environment
          if (parent && index !== undefined && node.type === 'mdxJsxFlowElement')
            panel = { parent: parent as Root | JsxElement, before: node, environment, runs: comparison.runs }
        } else {
          const own = differences(environment, article)
          if (own.length > 0) node.attributes.push(expressionAttribute('differs', own))
        }
        if (comparison.beforeEnvironment) {
          const earlier = differences(describeEnvironment(comparison.beforeEnvironment), article)
          if (earlier.length > 0) node.attributes.push(expressionAttribute('beforeDiffers', earlier))
        }
      } catch (error) {
        if (!(error instanceof BenchmarkSelectionError)) throw error
        fail(error.message)
      }
    })

    if (panel) {
      const { parent, before, environment, runs } = panel
      const element: MdxJsxFlowElement = {
        type: 'mdxJsxFlowElement',
        name: 'BenchmarkEnvironment',
        attributes: [expressionAttribute('entries', environment), expressionAttribute('runs', runs)],
        children: [],
      }
      parent.children.splice(parent.children.indexOf(before as never), 0, element as never)
    }
  }
}
