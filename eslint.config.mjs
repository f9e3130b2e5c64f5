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
      // Style and React Compiler advice are shown as warnings, so `npm test` fails on real errors (hooks order,
      // missing keys, explicit any without a reason) but not on an unused import in a colleague's branch.
      // `_`-prefixed arguments and variables are deliberately unused (server action signatures, destructuring).
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'prefer-const': 'warn',
      // Server components catch data errors around their JSX on purpose (an ErrorState instead of a crash).
      'react-hooks/error-boundaries': 'warn',
      'react-hooks/purity': 'warn',
      'react-hooks/set-state-in-effect': 'warn',
    },
  },
  // next.config.js is CommonJS (Next loads it with require), and so is what it shares with the app.
  { files: ['next.config.js'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
]);
