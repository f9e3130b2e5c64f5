// The loading state of app/(site)/(overview), for its kept rendering (a navigation between kept pages shows it too).
export { default } from '@/app/(site)/(overview)/loading';
