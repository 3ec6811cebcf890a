// Rules for UUID: a value that is not one, and a UUID used by two files.

import { valueOf, type InterfaceView } from '../build-bridge-model.ts';
import { isUuid } from '../addresses-and-identifiers.ts';
import { type IfcfgFile } from '../parse-ifcfg-file.ts';
import { finding, where, type Finding } from './finding.ts';

export function checkUuids(views: InterfaceView[], findings: Finding[]): void {
  const byUuid = new Map<string, IfcfgFile>();
  for (const { file } of views) {
    const uuid = valueOf(file, 'UUID');
    if (uuid === undefined) continue;
    const at = where(file, 'UUID');
    if (!isUuid(uuid)) {
      findings.push(finding(file.path, at, {
        key: 'UUID', severity: 'error', rule: 'invalid-uuid',
        code: 'invalid-uuid', params: { value: uuid },
      }));
      continue;
    }
    const other = byUuid.get(uuid.toLowerCase());
    if (other) {
      findings.push(finding(file.path, at, {
        key: 'UUID', severity: 'error', rule: 'invalid-uuid',
        code: 'duplicate-uuid', params: { value: uuid, other: other.name },
      }));
    } else byUuid.set(uuid.toLowerCase(), file);
  }
}
