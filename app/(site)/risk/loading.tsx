import RouteLoading from '../ui/RouteLoading';

export default function Loading() {
  return <RouteLoading title="风险预警" />;
}
