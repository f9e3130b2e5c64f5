// No policy change: its own module (no imports) so the 风险预警 page can start from it without loading the
// simulation, which it fetches only after the page is shown.
import type { Levers } from './levers';

export const NO_LEVERS: Levers = { contributionRise: 0, subsidyRise: 0, reimbursement: {}, growthCut: 0 };
