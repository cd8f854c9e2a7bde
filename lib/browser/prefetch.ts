/**
 * The attribute that keeps a link from being prefetched on intent (components/intent-prefetch.tsx): components/link.tsx
 * sets it for `prefetch={false}`, on links whose page should not load before the reader asks for it.
 */
export const noPrefetchAttribute = 'data-no-prefetch'
