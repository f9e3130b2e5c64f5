// One chart of the public report with everything a reader needs beside it (Our World in Data / Fingertips
// practice): the chart, its data table, the definitions from the indicator registry, the source and release
// date, downloads of exactly this table, and a permalink that restores the view. Computed here, on the
// server (registry, suppression texts, download links); FigureBody draws it.
import { getIndicator } from '@/lib/indicators/registry';
import { DOWNLOAD_LABELS, OPEN_DOWNLOAD_FORMATS } from '@/lib/open/export';
import { downloadHref } from '@/lib/open/url';
import { policyCitation, tableTexts, type OpenChart, type OpenView } from '@/lib/open/view';
import FigureBody from './FigureBody';

/** `cityKey`: the city's code when the warehouse holds several cities (downloads of its whole-city report name it), else null. */
export default function OpenFigure({ chart, view, permalink, source, cityKey }: { chart: OpenChart; view: OpenView; permalink: string; source: string; cityKey: string | null }) {
  const code = view.isCity ? cityKey : view.region.code;
  const definitions = [
    ...chart.indicators.map((c) => {
      const d = getIndicator(c);
      const cite = policyCitation(d.policyRef);
      return { name: d.name, text: `${d.definition} 计算方法：${d.formula}。${cite ? `依据：${cite}。` : ''}` };
    }),
    ...chart.facts.map((f) => ({ name: f.name, text: f.definition })),
  ];
  const downloads = OPEN_DOWNLOAD_FORMATS.map((f) => ({ href: downloadHref({ code, year: view.year, scheme: view.scheme }, chart.id, f), label: DOWNLOAD_LABELS[f] }));
  return (
    <FigureBody chart={chart} rule={view.rule} texts={tableTexts(chart, view.rule)} definitions={definitions} source={source} downloads={downloads} permalink={permalink} />
  );
}
