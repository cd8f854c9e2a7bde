/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The MDX pipeline runs in Node at build time; bundling esbuild's binary or shiki's grammars gains nothing.
  serverExternalPackages: ['mdx-bundler', 'esbuild', 'shiki', 'rehype-pretty-code'],
}

export default nextConfig
