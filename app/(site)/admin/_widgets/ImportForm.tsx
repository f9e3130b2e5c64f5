'use client';

// Upload with progress: the file goes up as the raw request body (XMLHttpRequest, for upload progress),
// the server answers with a job id, and the page polls the job until the import is done.
import { useEffect, useRef, useState, type DragEvent, type FormEvent } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { ImportJobView } from '@/lib/ingest/jobs';
import styles from '../admin.module.css';

export interface TemplateOption {
  kind: string;
  name: string;
  /** what a correction replaces (the template's scopeNote) */
  scopeNote?: string;
}

const STEPS: { phase: string; label: string }[] = [
  { phase: 'upload', label: '上传' },
  { phase: 'read', label: '读取并校验' },
  { phase: 'dedupe', label: '去重' },
  { phase: 'write', label: '写入数据库' },
  { phase: 'derive', label: '刷新汇总数据' },
  { phase: 'done', label: '完成' },
];
const ORDER = ['upload', 'detect', 'hash', 'read', 'dedupe', 'reread', 'write', 'derive', 'hooks', 'done'];
const stepIndex = (phase: string) => {
  const i = ORDER.indexOf(phase);
  return STEPS.findIndex((s) => ORDER.indexOf(s.phase) >= i);
};

type Stage = 'idle' | 'uploading' | 'processing' | 'finished' | 'error';

function sizeLabel(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export default function ImportForm({ templates }: { templates: TemplateOption[] }) {
  const router = useRouter();
  const [chosen, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState('');
  const [mode, setMode] = useState<'APPEND' | 'REPLACE'>('APPEND');
  const [sheet, setSheet] = useState('');
  const [stage, setStage] = useState<Stage>('idle');
  const [uploaded, setUploaded] = useState(0);
  const [job, setJob] = useState<ImportJobView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => () => { if (timer.current) clearTimeout(timer.current); }, []);
  // Marks the form as live (browser tests wait for it; a file chosen earlier is read from the input below).
  const [live, setLive] = useState(false);
  useEffect(() => setLive(true), []);

  const poll = (id: string) => {
    const tick = async () => {
      try {
        const res = await fetch(`/api/import/jobs/${id}`, { cache: 'no-store' });
        const body = await res.json();
        if (!res.ok) throw new Error(body.error ?? `HTTP ${res.status}`);
        const j = body as ImportJobView;
        setJob(j);
        if (j.state === 'running') {
          timer.current = setTimeout(tick, 500);
          return;
        }
        if (j.state === 'failed') {
          setError(j.error ?? '导入失败');
          setStage('error');
        } else setStage('finished');
        router.refresh(); // the batch history below shows the new batch
      } catch (e) {
        setError(`无法获取导入进度：${(e as Error).message}`);
        setStage('error');
      }
    };
    void tick();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // A file picked before the page had finished loading is in the input but not yet in state.
    const file = chosen ?? input.current?.files?.[0] ?? null;
    if (!file) {
      setError('请先选择要导入的文件');
      return;
    }
    setError(null);
    setJob(null);
    setUploaded(0);
    setStage('uploading');
    const xhr = new XMLHttpRequest();
    const qs = new URLSearchParams({ name: file.name, mode, ...(kind ? { kind } : {}), ...(sheet.trim() ? { sheet: sheet.trim() } : {}) });
    xhr.open('POST', `/api/import?${qs}`);
    xhr.upload.onprogress = (ev) => { if (ev.lengthComputable) setUploaded(ev.loaded / ev.total); };
    xhr.onerror = () => { setError('上传失败：网络中断或服务不可用'); setStage('error'); };
    xhr.onload = () => {
      let body: { jobId?: string; error?: string } = {};
      try { body = JSON.parse(xhr.responseText); } catch { /* not JSON */ }
      if (xhr.status !== 200 || !body.jobId) {
        setError(body.error ?? `上传失败（HTTP ${xhr.status}）`);
        setStage('error');
        return;
      }
      setUploaded(1);
      setStage('processing');
      poll(body.jobId);
    };
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.send(file);
  };

  const reset = () => {
    setStage('idle');
    setFile(null);
    setJob(null);
    setError(null);
    if (input.current) input.current.value = '';
  };

  const onDrop = (e: DragEvent<HTMLLabelElement>) => {
    e.preventDefault();
    setDragging(false);
    const f = e.dataTransfer.files?.[0];
    if (f) setFile(f);
  };

  const busy = stage === 'uploading' || stage === 'processing';
  const phase = stage === 'uploading' ? 'upload' : job?.phase ?? 'detect';
  const fraction = stage === 'uploading' ? uploaded : job?.phase === 'read' || job?.phase === 'reread' ? job.fraction : null;
  const current = stage === 'finished' ? STEPS.length - 1 : stepIndex(phase);
  const label = stage === 'uploading' ? '上传' : job?.phaseLabel ?? '识别文件';
  const notLoaded = stage === 'finished' && job?.result !== undefined && job.result.status !== 'LOADED';
  // With the problems listed below it, the headline stops before the first problem.
  const headline = job?.result ? (job.result.problems.length > 0 ? job.result.message.split('。')[0] : job.result.message) : '';

  return (
    <form className={styles.form} onSubmit={submit} aria-describedby="import-help" data-live={live ? 'true' : undefined}>
      <label
        className={`${styles.drop} ${dragging ? styles.dropActive : ''}`}
        onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <span>{chosen ? <span className={styles.fileName}>{chosen.name}（{sizeLabel(chosen.size)}）</span> : '把文件拖到这里，或'}</span>
        <span className="btn" aria-hidden="true">{chosen ? '换一个文件' : '选择文件'}</span>
        <input
          ref={input}
          className="visually-hidden"
          type="file"
          name="file"
          aria-label="选择要导入的文件"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={busy}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <span className={styles.dropHint} id="import-help">CSV（UTF-8 或 GBK）或 Excel .xlsx；表头须与模板一致。结算明细可达数GB。</span>
      </label>
      <div className={styles.formRow}>
        <label className={styles.field}>
          <span>模板</span>
          <select value={kind} onChange={(e) => setKind(e.target.value)} disabled={busy} aria-label="模板">
            <option value="">按表头自动识别</option>
            {templates.map((t) => <option key={t.kind} value={t.kind}>{t.name}</option>)}
          </select>
        </label>
        <label className={styles.field}>
          <span>工作表（Excel）</span>
          <input type="text" value={sheet} onChange={(e) => setSheet(e.target.value)} disabled={busy} aria-label="工作表" placeholder="默认首个可见表" maxLength={100} />
        </label>
        <fieldset className={styles.modes} disabled={busy}>
          <legend className={styles.legend}>导入方式</legend>
          <label>
            <input type="radio" name="mode" value="APPEND" checked={mode === 'APPEND'} onChange={() => setMode('APPEND')} />
            <span>追加<span className={styles.modeNote}>新的数据；与已入库数据重复的行报错（结算明细按流水号跳过重复）</span></span>
          </label>
          <label>
            <input type="radio" name="mode" value="REPLACE" checked={mode === 'REPLACE'} onChange={() => setMode('REPLACE')} />
            <span>更正（替换）<span className={styles.modeNote}>{templates.find((t) => t.kind === kind)?.scopeNote ?? '替换文件所含地区、险种、月份（年度数据为年度）的已入库数据'}</span></span>
          </label>
        </fieldset>
        <div className={styles.actions}>
          <button type="submit" className="btn btn-primary" disabled={busy}>上传并导入</button>
          {(stage === 'finished' || stage === 'error') && <button type="button" className="btn" onClick={reset}>再导入一个文件</button>}
        </div>
      </div>

      {stage !== 'idle' && stage !== 'error' && (
        <div className={styles.progress} role="status" aria-live="polite">
          <div className={styles.progressHead}>
            <span>{stage === 'finished' ? '导入结束' : `${label}…`}</span>
            <span>
              {[
                fraction !== null && fraction !== undefined && stage !== 'finished' ? `${Math.round(fraction * 100)}%` : '',
                job && job.rows > 0 ? `已读 ${job.rows.toLocaleString('zh-CN')} 行` : '',
              ].filter(Boolean).join(' · ')}
            </span>
          </div>
          <div className={styles.bar} aria-hidden="true">
            <div
              className={`${styles.barFill} ${fraction === null && stage !== 'finished' ? styles.barIndeterminate : ''} ${notLoaded ? styles.barFail : ''}`}
              style={{ width: stage === 'finished' ? '100%' : `${Math.round((fraction ?? 0) * 100)}%` }}
            />
          </div>
          <ol className={styles.steps}>
            {notLoaded ? (
              <>
                <li className={styles.stepDone}>✓ 上传</li>
                <li className={styles.stepDone}>✓ 读取并校验</li>
                <li className={styles.stepFail}>{job?.result?.status === 'REFUSED' ? '同一文件，未导入' : '未通过校验，未写入'}</li>
              </>
            ) : STEPS.map((s, i) => (
              <li key={s.phase} className={i < current ? styles.stepDone : i === current ? styles.stepNow : undefined}>
                {i < current ? '✓ ' : ''}{s.label}
              </li>
            ))}
          </ol>
        </div>
      )}

      {stage === 'finished' && job?.result && (
        <div className={`${styles.result} ${styles[`status${job.result.status}`] ?? ''}`} role="alert" data-testid="import-result">
          <p><strong>{headline}</strong></p>
          {job.result.problems.length > 0 && (
            <ul>
              {job.result.problems.map((p, i) => <li key={i}>{p}</li>)}
              {job.result.problemCount > job.result.problems.length && <li>…共 {job.result.problemCount.toLocaleString('zh-CN')} 处问题</li>}
            </ul>
          )}
          {job.result.batchId !== null && (
            <p><Link href={`/admin/batches/${job.result.batchId}`}>查看批次#{job.result.batchId}的校验报告 →</Link></p>
          )}
        </div>
      )}
      {error && <div className={`${styles.result} ${styles.statusREJECTED}`} role="alert">{error}</div>}
    </form>
  );
}
