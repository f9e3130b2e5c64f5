import { describe, expect, it } from 'vitest';
import {
  SingularMatrixError,
  cholesky,
  choleskyInverse,
  choleskySolve,
  crossprod,
  crossprodVec,
  identity,
  matMul,
  matVec,
  sandwich,
  subMatrix,
  symInverse,
  transpose,
} from './linalg';

const A = [
  [4, 12, -16],
  [12, 37, -43],
  [-16, -43, 98],
];

describe('linalg', () => {
  it('Cholesky of the textbook 3×3 example', () => {
    expect(cholesky(A)).toEqual([
      [2, 0, 0],
      [6, 1, 0],
      [-8, 5, 3],
    ]);
  });

  it('solves and inverts', () => {
    const L = cholesky(A);
    const x = [1, -2, 0.5];
    const b = matVec(A, x);
    choleskySolve(L, b).forEach((v, i) => expect(v).toBeCloseTo(x[i], 12));
    const I = matMul(A, choleskyInverse(L));
    I.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(i === j ? 1 : 0, 10)));
  });

  it('crossprod / crossprodVec match explicit products, with weights', () => {
    const X = [
      [1, 2],
      [1, -1],
      [1, 0.5],
    ];
    const w = [1, 2, 3];
    const W = [
      [1, 0, 0],
      [0, 2, 0],
      [0, 0, 3],
    ];
    expect(crossprod(X, w)).toEqual(matMul(matMul(transpose(X), W), X));
    expect(crossprodVec(X, [1, 2, 3])).toEqual([6, 1.5]);
  });

  it('throws a named SingularMatrixError for a collinear or empty column', () => {
    const X = [
      [1, 1, 2],
      [1, 2, 4],
      [1, 3, 6],
      [1, 4, 8],
    ];
    expect(() => cholesky(crossprod(X), { names: ['a', 'b', 'c'] })).toThrow(/column "c"/);
    const Z = [
      [1, 0],
      [1, 0],
    ];
    expect(() => cholesky(crossprod(Z))).toThrow(SingularMatrixError);
    try {
      cholesky(crossprod(X));
    } catch (e) {
      expect((e as SingularMatrixError).column).toBe(2);
    }
  });

  it('sandwich, subMatrix, symInverse, identity', () => {
    const B = [
      [1, 2],
      [0, 1],
    ];
    expect(sandwich(B, identity(2))).toEqual([
      [5, 2],
      [2, 1],
    ]);
    expect(subMatrix(A, [0, 2])).toEqual([
      [4, -16],
      [-16, 98],
    ]);
    const inv = symInverse([
      [2, 0],
      [0, 4],
    ]);
    expect(inv[0][0]).toBeCloseTo(0.5, 15);
    expect(inv[1][1]).toBeCloseTo(0.25, 15);
  });
});
