// The loading state of app/(site)/counties/(list), for its kept rendering (a navigation between kept pages shows it too).
export { default } from '@/app/(site)/counties/(list)/loading';
