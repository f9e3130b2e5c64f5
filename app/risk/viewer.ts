import 'server-only';
import { CITY_SCOPE, type Scope } from '@/lib/queries/scope';

/**
 * Who is looking and acting. TODO(login): from the session once login exists; until then every visitor
 * acts as a city analyst of 市医保局. The workflow functions take the scope, so county users will be
 * limited to their own county's warnings as soon as this returns a county scope.
 */
export function currentViewer(): { scope: Scope; name: string } {
  return { scope: CITY_SCOPE, name: '市医保局' };
}
