export interface EmptyStateProps {
  /** Why there is nothing to show, e.g. '该县 2024 年尚未导入结算数据'. */
  reason?: string;
  title?: string;
}

export default function EmptyState({ reason, title = '暂无数据' }: EmptyStateProps) {
  return (
    <div className="empty-state" role="status">
      <p className="empty-state-title">{title}</p>
      {reason && <p>{reason}</p>}
    </div>
  );
}
