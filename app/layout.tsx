import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'
import { IntentPrefetch } from '@/components/intent-prefetch'
import { SiteFooter } from '@/components/site-footer'
import { PreviewBanner } from '@/components/preview-banner'
import { SiteHeader } from '@/components/site-header'
import { searchShortcutScript } from '@/lib/browser/search-shortcut'
import { pageAlternates } from '@/lib/site/seo'
import { site } from '@/lib/site/config'
import { siteEnvironment } from '@/lib/environment.mjs'
import { themeScript } from '@/lib/browser/theme'
import './globals.css'

const isPreview = siteEnvironment() === 'preview'

export const metadata: Metadata = {
  metadataBase: new URL(site.url),
  title: { default: site.name, template: `%s · ${site.name}` },
  description: site.description,
  applicationName: site.name,
  authors: [{ name: site.author }],
  alternates: pageAlternates('/'),
  openGraph: { type: 'website', siteName: site.name, locale: site.locale.replace('-', '_'), url: '/' },
  twitter: { card: 'summary_large_image' },
  // A pull request's preview must never be indexed: the meta tag here, X-Robots-Tag and robots.txt as well.
  robots: isPreview ? { index: false, follow: false } : undefined,
}

export const viewport: Viewport = {
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fbfaf7' },
    { media: '(prefers-color-scheme: dark)', color: '#14161a' },
  ],
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The theme script sets data-theme and data-js on <html> before React hydrates it (where React runs).
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript() }} />
      </head>
      <body className="flex min-h-dvh flex-col bg-paper font-sans text-body antialiased">
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        {isPreview && <PreviewBanner />}
        <SiteHeader />
        <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-5 pt-7 sm:px-8 sm:pt-14">
          {children}
        </main>
        <SiteFooter />
        <IntentPrefetch />
        <script dangerouslySetInnerHTML={{ __html: searchShortcutScript }} />
      </body>
    </html>
  )
}
