// The floor of `npm run lighthouse`: the cheapest page Next.js serves, built with the site's Next version and the
// options of its configuration that shape a page (no powered-by header, strict mode), so that the site's pages are
// measured against what the framework costs by itself.
/** @type {import('next').NextConfig} */
const floorConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
}

export default floorConfig
