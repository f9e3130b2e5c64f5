import { describe, expect, it } from 'vitest';
import { ScopeError } from '../../auth/scope';
import { requireImportReader } from './index';

describe('admin reads check who is asking', () => {
  it('admins may read import records; a city analyst, a county or the public may not', () => {
    expect(() => requireImportReader({ scope: { kind: 'city' }, role: 'admin' })).not.toThrow();
    expect(() => requireImportReader({ scope: { kind: 'city' }, role: 'city' })).toThrow(ScopeError);
    expect(() => requireImportReader({ scope: { kind: 'county', regionCode: '439902' }, role: 'county' })).toThrow(ScopeError);
    expect(() => requireImportReader({ scope: { kind: 'public' }, role: 'public' })).toThrow(ScopeError);
  });
});
