import type { Metadata } from 'next';
import PlaceholderPage from '../ui/PlaceholderPage';

export const metadata: Metadata = { title: '参保征缴' };

export default function CollectionPage() {
  return (
    <PlaceholderPage
      title="参保征缴"
      summary="各县（市、区）分险种的参保率与征缴率（按个人、单位和各级财政补助来源），中央、省、市、县各级财政补助到位率，居民个人缴费标准与国家最低标准对比，人均财政补助、财政补助与个人缴费之比，以及参保人数的同比变化，可按年度、险种和地区筛选。"
    />
  );
}
