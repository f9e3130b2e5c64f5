'use client';
// The error state of app/(site)/tiered-care/error.tsx, for its kept rendering.
export { default } from '@/app/(site)/tiered-care/error';
