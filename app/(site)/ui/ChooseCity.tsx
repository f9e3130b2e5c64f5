import Link from 'next/link';
import type { DatasetInfo } from '@/lib/queries/meta/getDatasetInfo';
import { getViewer } from '@/lib/auth/viewer';
import { citiesVisibleTo } from '@/lib/regions/selectCity';

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

/**
 * For a page whose reads still sum the whole warehouse (they are not yet narrowed to one city's regions):
 * in a warehouse of several cities it shows no figures at all, at either level, and links each city's
 * 总览 and 县域画像 instead — never the province's rows summed as if they were one city's. Only the cities
 * the viewer may open are linked (a county user's, a bound city user's own; every one province-wide).
 */
export async function NotPerCityYet({ info, page }: { info: Pick<DatasetInfo, 'cities' | 'cityName' | 'level'>; page: string }) {
  const cities = citiesVisibleTo(info.cities, (await getViewer()).scope);
  return (
    <section className="card" data-testid="choose-city" aria-labelledby="choose-city-h">
      <h2 id="choose-city-h">请选择地市</h2>
      <p>本库含{info.cities.length}个地市。{page}尚未按地市分别计算，为免把各地市数据合并成一个统筹区，此处暂不显示；请在各地市的总览和县域画像中查看：</p>
      <ul className="choose-city-list">
        {cities.map((c) => (
          <li key={c.code}>
            <Link href={`/?city=${c.code}`}>{c.name} · 总览</Link>{' '}
            <Link href={`/counties?city=${c.code}`}>县域画像</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
