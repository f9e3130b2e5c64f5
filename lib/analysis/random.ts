/**
 * Deterministic pseudo-random numbers for simulations and tests (never for anything security related).
 * mulberry32: a tiny 32-bit generator with good enough statistical quality for Monte Carlo checks.
 */

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws from a uniform generator (Box–Muller; caches the second draw). */
export function normalGenerator(uniform: () => number): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    let u = 0;
    while (u <= 0) u = uniform(); // avoid log(0)
    const v = uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
}

/** Stationary AR(1) series e_t = φ e_{t−1} + σ ε_t (started from the stationary distribution). */
export function ar1(n: number, phi: number, sigma: number, normal: () => number): number[] {
  if (!(Math.abs(phi) < 1)) throw new Error('ar1: |phi| must be < 1');
  const out: number[] = [];
  let e = (normal() * sigma) / Math.sqrt(1 - phi * phi);
  for (let t = 0; t < n; t++) {
    if (t > 0) e = phi * e + sigma * normal();
    out.push(e);
  }
  return out;
}
