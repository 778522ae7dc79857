import { capacityRule } from './capacity.rule.js';
import { contractEndingRule } from './contract-ending.rule.js';
import { costToServeRule } from './cost-to-serve.rule.js';
import { departmentImbalanceRule } from './department-imbalance.rule.js';
import { growingVolumeRule } from './growing-volume.rule.js';
import { misuseRule } from './misuse.rule.js';
import { overuseRule } from './overuse.rule.js';
import { repeatBreakdownsRule } from './repeat-breakdowns.rule.js';
import type { SignalRule } from './signal-rule.js';
import { tmAfterWarrantyRule } from './tm-after-warranty.rule.js';
import { underuseRule } from './underuse.rule.js';

/** Every passive and observed rule, one per file; the overt intake is `overt-request-classifier.ts`. */
export const SIGNAL_RULES: readonly SignalRule[] = [
  repeatBreakdownsRule,
  tmAfterWarrantyRule,
  capacityRule,
  departmentImbalanceRule,
  growingVolumeRule,
  overuseRule,
  misuseRule,
  underuseRule,
  contractEndingRule,
  costToServeRule,
];
