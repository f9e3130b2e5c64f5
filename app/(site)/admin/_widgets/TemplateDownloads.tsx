import Link from 'next/link';
import { TEMPLATE_LIST } from '@/lib/ingest/templates';
import styles from '../admin.module.css';

/** Blank templates of every kind (CSV with BOM, XLSX with a 说明 sheet), and each one's documentation. */
export default function TemplateDownloads() {
  return (
    <div className={styles.templates}>
      {TEMPLATE_LIST.map((t) => (
        <div key={t.kind} className={styles.templateCard}>
          <h3>{t.name}</h3>
          <span className={styles.templateGrain}>{t.grain}</span>
          <span className={styles.links}>
            <a href={`/api/import/templates/${t.slug}.xlsx`} download>空白模板 .xlsx</a>
            <a href={`/api/import/templates/${t.slug}.csv`} download>.csv</a>
            <a href={`/api/import/templates/${t.slug}.csv?example=1`} download>示例</a>
            <Link href={`/admin/templates#${t.slug}`}>列说明</Link>
          </span>
        </div>
      ))}
    </div>
  );
}
