import { getMDXExport } from 'mdx-bundler/client/jsx'
import * as React from 'react'
import * as jsxRuntime from 'react/jsx-runtime'
import { mdxComponents } from './mdx-components'

type MDXContentProps = {
  /** Code compiled by lib/mdx/compile.ts. */
  code: string
  /** Overrides merged over the shared component map for this one render. */
  components?: Partial<Record<string, unknown>>
}

// Evaluating a post's code builds its module anew; the page, its feed entry and every preview reload of an unchanged
// post render the same code, so the last few modules are kept.
const modules = new Map<string, ReturnType<typeof getMDXExport>>()
const modulesKept = 16

function postModule(code: string) {
  let evaluated = modules.get(code)
  if (!evaluated) {
    evaluated = getMDXExport(code, { React, _jsx_runtime: jsxRuntime })
    modules.set(code, evaluated)
    if (modules.size > modulesKept) modules.delete(modules.keys().next().value!)
  }
  return evaluated
}

/** Renders a compiled post on the server: the article adds no JavaScript of its own to the page. */
export function MDXContent({ code, components }: MDXContentProps) {
  // MDX's default export is a plain function of its props: calling it, rather than mounting a component made
  // during render, gives React the post's element tree directly.
  const { default: renderContent } = postModule(code)
  return renderContent({ components: { ...mdxComponents, ...components } })
}
