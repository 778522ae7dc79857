import { rmSync } from 'node:fs';
import { dirname } from 'node:path';

export default function removePgliteTemplate() {
  const template = process.env.FLEET_TEST_PGLITE_TEMPLATE;
  if (template) rmSync(dirname(template), { recursive: true, force: true });
}
