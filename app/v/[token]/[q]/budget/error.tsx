'use client';
// The error state of app/(site)/budget/error.tsx, for its kept rendering.
export { default } from '@/app/(site)/budget/error';
