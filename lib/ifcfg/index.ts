// The ifcfg engine: both parsers (bash as initscripts sources a file; NetworkManager's ifcfg-rh
// reader), the key catalogue, the bridge model, the rules, the generator and the translators.

export { parseShvar, unescapeShvarValue, shvarValue, type ShvarAssignment, type ShvarParse, type UnescapeResult } from './parseShvar.ts';
export { parseBash, bashValue, type BashAssignment, type BashDiagnostic, type BashParse } from './parseBash.ts';
export { parseIfcfgFile, nmValueOf, bashValueOf, keyLocation, keysOf, fileBaseName, type IfcfgFile } from './parseIfcfgFile.ts';
export { escapeShvarValue } from './escapeShvarValue.ts';
export { setIfcfgValue } from './setIfcfgValue.ts';
export { IFCFG_KEYS, describeIfcfgKey, wordIfcfgKey, isKnownIfcfgKey, type IfcfgKeyInfo } from './ifcfgKeys.ts';
export { buildBridgeModel, valueOf, ipv4Of, parseNmBoolean, parseInitscriptsBoolean, type BridgeModel, type BridgeSetup, type PortSetup, type InterfaceView, type Ipv4Setup } from './buildBridgeModel.ts';
export { checkIfcfgFiles, formatFinding, formatFindingIn, wordFinding, hasErrors, IFCFG_RULES, type Finding, type FindingWording, type Severity, type RuleInfo } from './checkIfcfgFiles.ts';
export { generateBridgePair, validateBridgeChoices, type BridgeChoices, type GeneratedFile, type ChoiceError } from './generateBridgePair.ts';
export { toIproute2Commands, toBrctlCommands, toNmcliCommands, toKeyfiles, uuidFromName, shellQuote, type Keyfile } from './translateBridge.ts';
export { parseIpv4, netmaskToPrefix, isMacAddress } from './ipv4Address.ts';
export { applyBridgeFilesInLabVm, inspectionCommands, isSafeIfcfgName, SHARE_DIR, type ApplyStep, type LabVmLike } from './applyBridgeFilesInLabVm.ts';
export { applyNoteWordings, type ApplyNote } from './applyNoteWordings.ts';
export { bashDiagnosticWordings, bashNotAppliedWordings, type BashDiagnosticMessage, type BashNotApplied } from './bashDiagnosticWordings.ts';
export { shvarErrorWordings, type ShvarError } from './shvarErrorWordings.ts';
export { choiceErrorWordings, type ChoiceErrorMessage } from './choiceErrorWordings.ts';
