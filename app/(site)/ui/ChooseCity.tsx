import Link from 'next/link';
import type { DatasetInfo } from '@/lib/queries/meta/getDatasetInfo';

/**
 * 请选择地市: shown by a page that works per city (one 统筹区's budget, warnings, assessment…) when the
 * warehouse holds several cities and none is selected. Links open the same page for each city; the page
 * never sums the province's cities where a city's figures are meant.
 */
export default function ChooseCity({ info, path, page, query = {} }: { info: Pick<DatasetInfo, 'cities' | 'cityName'>; path: string; page: string; query?: Record<string, string> }) {
  const href = (code: string) => `${path}?${new URLSearchParams({ ...query, city: code }).toString()}`;
  return (
    <section className="card" data-testid="choose-city" aria-labelledby="choose-city-h">
      <h2 id="choose-city-h">请选择地市</h2>
      <p>{page}按设区市（统筹区）分别呈现，{info.cityName}各地市的数据不合并计算。请选择要查看的地市：</p>
      <ul className="choose-city-list">
        {info.cities.map((c) => (
          <li key={c.code}>
            <Link href={href(c.code)}>{c.name}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
