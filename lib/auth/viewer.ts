import 'server-only';
import { cache } from 'react';
import { CITY_SCOPE, type Scope } from '@/lib/queries/scope';

/** The roles of 《关于实施基本医疗保险和生育保险市级统筹的意见》's users: 管理员, 市医保局/市领导, 县（市、区）, 公众. */
export type Role = 'admin' | 'city' | 'county' | 'public';

export interface Viewer {
  /** what the viewer's queries may read; always from the session on the server, never from the URL */
  scope: Scope;
  role: Role;
  /** null for the anonymous public */
  userId: string | null;
  /** the name recorded on actions (handling notes, rule versions, imports) */
  name: string;
}

/**
 * Who is asking, once per request. The one seam every page, route handler, server action and export
 * calls. TODO(login): from the session once accounts exist; until then every visitor acts as a city analyst.
 */
export const getViewer = cache(async (): Promise<Viewer> => {
  return { scope: CITY_SCOPE, role: 'city', userId: null, name: '市医保局' };
});
