// Rules for UUID: a value that is not one, and a UUID used by two files.

import { localizedText } from '../../book/localized-text.ts';
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
        message: localizedText(
          `UUID=${uuid} is not a UUID; generate one with uuidgen, or delete the line`,
          `UUID=${uuid} 不是 UUID；请用 uuidgen 生成一个，或者删掉这一行`,
        ),
        initscripts: localizedText('does not use it (only for the DHCP lease file name)', '不用它（只用于 DHCP 租约文件的文件名）'),
        networkManager: localizedText('rejects the file: invalid connection UUID', '拒绝这个文件：连接的 UUID 不合法'),
      }));
      continue;
    }
    const other = byUuid.get(uuid.toLowerCase());
    if (other) {
      findings.push(finding(file.path, at, {
        key: 'UUID', severity: 'error', rule: 'invalid-uuid',
        message: localizedText(
          `UUID=${uuid} is also used by ${other.name}; every file needs its own (uuidgen)`,
          `UUID=${uuid} 也被 ${other.name} 使用；每个文件都需要自己的 UUID（uuidgen）`,
        ),
        initscripts: localizedText('does not care', '不在乎'),
        networkManager: localizedText(
          'loads only one of them: "cannot load … due to conflicting UUID"',
          '只加载其中一个：“cannot load … due to conflicting UUID”',
        ),
      }));
    } else byUuid.set(uuid.toLowerCase(), file);
  }
}
