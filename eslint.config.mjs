// ESLint: Next.js's recommended rules (core web vitals) and its TypeScript rules; run by `npm test`.
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores(['.next/**', '.next-*/**', '.tmp/**', 'node_modules/**', 'lib/generated/**', 'next-env.d.ts', 'data/**']),
  {
    rules: {
      // `_`-prefixed arguments and variables are deliberately unused (server action signatures, destructuring).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
]);
