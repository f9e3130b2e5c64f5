// A city or region (city=, region=, county=) not the viewer's: 403 before the loading state streams (app/(site)/ui/CityAccessLayout).
export { default } from '@/app/(site)/ui/CityAccessLayout';
