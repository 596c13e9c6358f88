/**
 * Finds the policies in a JSON value: one policy object, an array of policies, or a Graph list response
 * `{ "@odata.context": ..., "value": [...] }`.
 */
import { getProperty, type ObjectValue, type Value } from '../../model/value.js';

/** One policy found in a file, with the name it is addressed by when it has no displayName. */
export interface FoundPolicy {
  policy: ObjectValue;
  /** Position in the file's list of policies (0 for a single policy). */
  index: number;
  /** `value[2]`, `[2]` or `policy`: where the policy sits, for when it has no displayName. */
  position: string;
}

/** What is in the file: the policies, and the values that should have been policies but are not objects. */
export interface PolicyScan {
  policies: FoundPolicy[];
  notPolicies: Value[];
  /** The root is none of the three shapes. */
  unrecognised: boolean;
}

/** Splits a file's root value into policies, whichever of the three container shapes it uses. */
export function findPolicies(root: Value): PolicyScan {
  const scan: PolicyScan = { policies: [], notPolicies: [], unrecognised: false };
  if (root.kind === 'array') {
    collect(root.items, '', scan);
  } else if (root.kind === 'object') {
    const list = getProperty(root, 'value')?.value;
    if (list?.kind === 'array' && getProperty(root, 'conditions') === undefined) collect(list.items, 'value', scan);
    else scan.policies.push({ policy: root, index: 0, position: 'policy' });
  } else {
    scan.unrecognised = true;
  }
  return scan;
}

function collect(items: Value[], prefix: string, scan: PolicyScan): void {
  items.forEach((item, i) => {
    if (item.kind === 'object') scan.policies.push({ policy: item, index: i, position: `${prefix}[${i}]` });
    else scan.notPolicies.push(item);
  });
}
