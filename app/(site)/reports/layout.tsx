// A county user naming another city: 403 before the loading state streams (app/(site)/ui/CityAccessLayout).
export { default } from '@/app/(site)/ui/CityAccessLayout';
