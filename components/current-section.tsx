'use client'

import { useEffect } from 'react'
import { watchCurrentSection } from '@/lib/browser/current-section'

/**
 * Marks the section being read in the table of contents (lib/browser/current-section.ts). The links themselves are
 * plain anchors and work without JavaScript; this only adds the marker.
 */
export function CurrentSection({ ids }: { ids: string[] }) {
  useEffect(() => watchCurrentSection(ids), [ids])
  return null
}
