// The ifcfg engine: both parsers (bash as initscripts sources a file; NetworkManager's ifcfg-rh
// reader), the key catalogue, the bridge model, the rules, the generator and the translators.

export { parseShvar, unescapeShvarValue, shvarValue, type ShvarAssignment, type ShvarParse, type UnescapeResult } from './parse-shvar.ts';
export { parseBash, bashValue, type BashAssignment, type BashDiagnostic, type BashParse } from './parse-bash.ts';
export { parseIfcfgFile, nmValueOf, bashValueOf, keyLocation, type IfcfgFile } from './parse-ifcfg-file.ts';
export { escapeShvarValue } from './escape-shvar-value.ts';
export { setIfcfgValue } from './set-ifcfg-value.ts';
export { IFCFG_KEYS, describeIfcfgKey, wordIfcfgKey, type IfcfgKeyInfo } from './ifcfg-keys.ts';
export { buildBridgeModel, valueOf, parseNmBoolean, parseInitscriptsBoolean, type BridgeModel, type BridgeSetup, type PortSetup, type InterfaceView, type Ipv4Setup } from './build-bridge-model.ts';
export { checkIfcfgFiles, formatFinding, formatFindingIn, hasErrors, IFCFG_RULES, type Finding, type FindingPlace, type Severity, type RuleInfo } from './check-ifcfg-files.ts';
export { findingWordings, wordFinding, type FindingCode, type FindingMessage } from './finding-wordings.ts';
export { generateBridgePair, validateBridgeChoices, type BridgeChoices, type GeneratedFile, type ChoiceError } from './generate-bridge-pair.ts';
export { toIproute2Commands, toBrctlCommands, toNmcliCommands, toKeyfiles, uuidFromName, shellQuote, type Keyfile } from './translate-bridge.ts';
export { parseIpv4, netmaskToPrefix, isMacAddress } from './addresses-and-identifiers.ts';
export { applyBridgeFilesInLabVM, inspectionCommands, type ApplyStep, type LabVMLike } from './apply-bridge-files-in-lab-vm.ts';
export { applyNoteWordings, type ApplyNote } from './apply-note-wordings.ts';
export { bashDiagnosticWordings, bashNotAppliedWordings, bashPrints, type BashDiagnosticMessage, type BashNotApplied } from './bash-diagnostic-wordings.ts';
export { shvarErrorWordings, type ShvarError } from './shvar-error-wordings.ts';
export { generatedCommentWordings, type GeneratedComment } from './generated-comment-wordings.ts';
export { choiceErrorWordings, type ChoiceErrorMessage } from './choice-error-wordings.ts';
