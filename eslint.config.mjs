import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTypeScript from 'eslint-config-next/typescript'
import { defineConfig, globalIgnores } from 'eslint/config'

export default defineConfig([
  ...nextVitals,
  ...nextTypeScript,
  {
    files: ['lib/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
  {
    // Internal links prefetch on intent (components/link.tsx, lib/browser/prefetch.ts), not as they scroll into view.
    files: ['app/**/*.tsx', 'components/**/*.tsx'],
    ignores: ['components/link.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'next/link', message: 'Use Link from @/components/link: it prefetches on intent.' }] },
      ],
    },
  },
  globalIgnores([
    '.next/**',
    '**/.next/**',
    // Further build folders (NEXT_DIST_DIR=.next-<name>), which git ignores too.
    '.next-*/**',
    '.e2e/**',
    'out/**',
    // npm run build:scale -- --keep leaves its builds here.
    '.scale/**',
    'lighthouse-reports/**',
    'next-env.d.ts',
    'posts/**',
    'playwright-report/**',
    'test-results/**',
    'screenshots/**',
  ]),
])
