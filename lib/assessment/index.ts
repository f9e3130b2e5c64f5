// County assessment (县级政府医保工作考核) and the 六统一 tracker: scheme, scoring, results, rank uncertainty.
export * from './scheme';
export * from './rules';
export * from './results';
export * from './uncertainty';
export * from './feed';
export * from './unification';
export { DEFAULT_SCHEME } from './defaultScheme';
