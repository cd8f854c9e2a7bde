/**
 * A code block's toolbar, as static markup: a toggle that wraps long lines in every block (or lets them scroll) and
 * a button that copies the block. It sits in a row of its own above the code, so it never covers a line. The
 * article page renders its body as HTML, not as React elements, so these buttons are plain: one listener for the
 * whole page (lib/browser/code-toolbar.ts, run by the page's own script or, where React renders the article, by
 * components/article-behaviour.tsx) makes them work, and without JavaScript they stay hidden.
 */
export function CodeToolbar({ label }: { label: string }) {
  return (
    <div className="code-tools">
      <button type="button" className="code-tool" data-code-tool="wrap" aria-pressed="false">
        Wrap lines
      </button>
      <button type="button" className="code-tool" data-code-tool="copy" data-label={label} aria-label={`Copy ${label}`}>
        Copy
      </button>
    </div>
  )
}
