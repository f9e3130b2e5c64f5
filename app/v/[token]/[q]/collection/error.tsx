'use client';
// The error state of app/(site)/collection/error.tsx, for its kept rendering.
export { default } from '@/app/(site)/collection/error';
