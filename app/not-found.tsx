import NotFoundPage from './ui/NotFoundPage';

export default function NotFound() {
  return <NotFoundPage />;
}
