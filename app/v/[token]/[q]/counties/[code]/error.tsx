'use client';
// The error state of app/(site)/counties/[code]/error.tsx, for its kept rendering.
export { default } from '@/app/(site)/counties/[code]/error';
