'use client';
// 重新评估 is shown to the city's analysts only: its code loads when it is shown; until then the same
// button, disabled, holds its place.
import { clientOnly } from './clientOnly';

export default clientOnly(() => import('./ReevaluateForm'), <button type="button" className="btn btn-primary" disabled>重新评估</button>);
