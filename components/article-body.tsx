/**
 * An article's static body: HTML, not React elements, so that React never walks it (it has nothing to hydrate; the
 * code toolbars work through one listener, components/article-behaviour.tsx and lib/browser/page-script.ts). An
 * article loaded as a page carries no React at all (lib/site/without-runtime.ts); one reached by the router from a page
 * that keeps it arrives with this HTML in its payload.
 */
export function ArticleBody({ articleHtml, className }: { articleHtml: string; className: string }) {
  return <div data-article-body="" className={className} dangerouslySetInnerHTML={{ __html: articleHtml }} />
}
