// The floor again, as the site serves its pages: `npm run lighthouse` rewrites this page's built HTML with
// lib/site/deferred-scripts.ts, so that the site's way of loading Next's scripts is measured on the empty page too.
export { default } from '../page'
