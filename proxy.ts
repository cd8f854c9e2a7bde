import { NextResponse, type NextRequest } from 'next/server'

// A guard in front of Next's router for request paths that name no page but make `next start` answer 500
// (found by e2e/hostile-urls.spec.ts). When the slug of /posts/[slug] is not valid percent-encoding (`%zz`, a cut
// `%E0%A4%A`, `%u002e`) or decodes to bytes that are not UTF-8 (`%ff`, overlong `%c0%ae`, a surrogate `%ed%a0%80`),
// Next 16 turns its decoding error into a 400 whose error page it cannot render in an App Router-only build, and
// sends 500. A slug that decodes to the route's own placeholder (`%5Bslug%5D`) loops through the router until it
// gives up with 500. No published URL contains `%` (slugs are kebab-case), so the matcher runs this function only for
// paths with a `%` in them: articles, the index and static assets never reach it.
//
// Not covered here, because Next fails before it consults the proxy: an asterisk-form request target (`OPTIONS *`);
// server.mjs, which `npm start` runs, answers those before they reach Next.
export function proxy(request: NextRequest) {
  if (isMalformedPath(request.nextUrl.pathname)) {
    return new NextResponse('Bad Request', { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  }
  return NextResponse.next()
}

function isMalformedPath(pathname: string): boolean {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return true
  }
  return decoded.includes('[') || decoded.includes(']')
}

export const config = {
  // Next tests this against the raw and the decoded path; a path without `%` never matches.
  matcher: '/(.*%.*)',
}
