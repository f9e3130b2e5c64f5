export interface ErrorStateProps {
  /** A message for the user. Never pass a stack trace or a raw database error. */
  message?: string;
  title?: string;
}

/** One widget failed; the rest of the page keeps working (STYLE: formbricks). Server-safe, no hooks. */
export default function ErrorState({ message = '请稍后重试，或联系管理员。', title = '数据加载失败' }: ErrorStateProps) {
  return (
    <div className="error-state" role="alert">
      <p className="error-state-title">{title}</p>
      <p>{message}</p>
    </div>
  );
}
