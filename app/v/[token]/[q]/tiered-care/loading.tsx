// The loading state of app/(site)/tiered-care, for its kept rendering (a navigation between kept pages shows it too).
export { default } from '@/app/(site)/tiered-care/loading';
