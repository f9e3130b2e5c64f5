'use client';
// The threshold form is for administrators only: its code (and its server action's stub) loads when it
// is shown, so no one else's page carries it.
import { lazy, Suspense, useSyncExternalStore, type ComponentProps } from 'react';
import s from '../risk.module.css';

const RuleForm = lazy(() => import('./RuleForm'));
const noSubscribe = () => () => {};

export default function RuleFormLazy(props: ComponentProps<typeof RuleForm>) {
  const mounted = useSyncExternalStore(noSubscribe, () => true, () => false);
  const wait = <p className={s.hint} role="status">加载中…</p>;
  return mounted ? <Suspense fallback={wait}><RuleForm {...props} /></Suspense> : wait;
}
