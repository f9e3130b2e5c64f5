/**
 * Statistics for the pooling-effect analysis: interrupted time series and
 * difference-in-differences, plus the small numerical toolkit they are built on. Pure functions, no I/O.
 */
export * from './linalg';
export * from './distributions';
export * from './inference';
export * from './ols';
export * from './glm';
export * from './period';
export * from './random';
export * from './its';
export * from './did';
export * from './simulate';
export * from './bootstrap';
