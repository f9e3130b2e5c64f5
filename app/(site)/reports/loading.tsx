import RouteLoading from '../ui/RouteLoading';

export default function Loading() {
  return <RouteLoading title="月度报告" />;
}
