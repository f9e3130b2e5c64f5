'use client';
// The error state of app/(site)/error.tsx, for its kept rendering.
export { default } from '@/app/(site)/error';
