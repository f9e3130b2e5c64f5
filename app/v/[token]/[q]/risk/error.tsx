'use client';
// The error state of app/(site)/risk/error.tsx, for its kept rendering.
export { default } from '@/app/(site)/risk/error';
