import Link from 'next/link';
import styles from '../tieredCare.module.css';

/**
 * A choice kept in the URL, as plain links (works without JavaScript, shareable): e.g. which share the
 * pooling-effect section analyses. `params` are the page's current search params; `anchor` keeps the
 * reader at the section.
 */
export default function OptionLinks({
  label,
  param,
  value,
  options,
  params,
  anchor,
}: {
  label: string;
  param: string;
  value: string;
  options: { value: string; label: string }[];
  params: Record<string, string | string[] | undefined>;
  anchor?: string;
}) {
  const href = (v: string) => {
    const q = new URLSearchParams();
    for (const [k, x] of Object.entries(params)) if (typeof x === 'string' && k !== param) q.set(k, x);
    q.set(param, v);
    return `?${q.toString()}${anchor ? `#${anchor}` : ''}`;
  };
  return (
    <nav className={styles.options} aria-label={label}>
      <span>{label}</span>
      {options.map((o) => (
        <Link key={o.value} href={href(o.value)} aria-current={o.value === value ? 'true' : undefined} scroll={false} replace>
          {o.label}
        </Link>
      ))}
    </nav>
  );
}
