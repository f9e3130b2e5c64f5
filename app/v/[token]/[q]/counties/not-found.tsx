export { default } from '@/app/(site)/counties/not-found';
