'use client';

import { Sankey, Tooltip, type SankeyNodeProps, type SankeyLinkProps } from 'recharts';
import { formatCount, formatPercent } from '@/lib/format';
import ChartFrame from '../../ui/charts/ChartFrame';
import type { DataTableColumn } from '../../ui/DataTable';
import type { TableRow } from '../../ui/tableExport';

export interface FlowSankeyNode {
  name: string;
  kind: string;
  /** share of the window's visits (destinations) */
  share: number | null;
}

const KIND_COLOR: Record<string, string> = {
  origin: 'var(--chart-8)',
  OWN_PRIMARY: 'var(--chart-3)',
  OWN_COUNTY: 'var(--chart-1)',
  OTHER_COUNTY: 'var(--chart-7)',
  CITY: 'var(--chart-2)',
  OUT_OF_CITY: 'var(--chart-5)',
};

export interface FlowSankeyProps {
  id: string;
  title: string;
  nodes: FlowSankeyNode[];
  links: { source: number; target: number; value: number }[];
  columns: DataTableColumn[];
  rows: TableRow[];
  height?: number;
}

/** Where a county's insured were treated in one window: origin(s) on the left, destinations on the right. */
export default function FlowSankey({
  id,
  title,
  nodes,
  links,
  columns,
  rows,
  height = 320,
}: FlowSankeyProps) {
  const origins = nodes.filter((n) => n.kind === 'origin').length;
  const Node = (p: SankeyNodeProps) => {
    const n = nodes[p.index];
    const left = n.kind === 'origin';
    const label = left || n.share === null ? n.name : `${n.name} ${formatPercent(n.share)}`;
    return (
      <g>
        <rect x={p.x} y={p.y} width={p.width} height={Math.max(p.height, 1)} fill={KIND_COLOR[n.kind] ?? 'var(--chart-8)'} />
        {(p.height >= 9 || !left) && (
          <text
            x={left ? p.x - 6 : p.x + p.width + 6}
            y={p.y + p.height / 2}
            dy="0.35em"
            textAnchor={left ? 'end' : 'start'}
            fontSize={origins > 1 && left ? 11 : 12}
            fill="var(--text)"
          >
            {label}
          </text>
        )}
      </g>
    );
  };
  const Link = (p: SankeyLinkProps) => {
    const target = p.payload.target as unknown as { kind?: string };
    return (
      <path
        d={`M${p.sourceX},${p.sourceY} C${p.sourceControlX},${p.sourceY} ${p.targetControlX},${p.targetY} ${p.targetX},${p.targetY}`}
        fill="none"
        stroke={KIND_COLOR[target.kind ?? ''] ?? 'var(--chart-8)'}
        strokeOpacity={0.35}
        strokeWidth={Math.max(p.linkWidth, 1)}
      />
    );
  };
  return (
    <ChartFrame id={id} title={title} unitText="单位：人次" columns={columns} rows={rows} exportName={title} height={height} empty={links.length === 0} emptyReason="该时段没有就诊数据">
      <Sankey
        width="100%"
        height={height}
        data={{ nodes, links }}
        node={Node}
        link={Link}
        nodePadding={origins > 1 ? 8 : 14}
        nodeWidth={10}
        sort={false}
        margin={{ top: 8, right: 168, bottom: 8, left: origins > 1 ? 78 : 92 }}
        iterations={origins > 1 ? 32 : 0}
      >
        <Tooltip
          content={({ active, payload }) => {
            if (!active || !payload?.length) return null;
            const item = payload[0] as { name?: string; value?: number };
            return (
              <div className="chart-tooltip">
                <div className="chart-tooltip-title">{item.name}</div>
                <div>{formatCount(typeof item.value === 'number' ? item.value : null)} 人次</div>
              </div>
            );
          }}
        />
      </Sankey>
    </ChartFrame>
  );
}
