/** 基金可持续性: stochastic projection, leadership figures, policy levers, attribution (pure). */
export * from './simulate';
export * from './summarize';
export * from './elasticity';
export * from './levers';
export * from './attribution';
