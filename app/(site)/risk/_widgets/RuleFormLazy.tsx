'use client';
// The threshold form is for administrators only: its code (and its server action's stub) loads when it
// is shown, so no one else's page carries it.
import { clientOnly } from './clientOnly';

export default clientOnly(() => import('./RuleForm'), <p role="status">加载中…</p>);
