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
  globalIgnores(['.next/**', '.e2e/**', 'out/**', 'next-env.d.ts', 'posts/**', 'playwright-report/**', 'test-results/**', 'screenshots/**']),
])
