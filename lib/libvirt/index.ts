// The libvirt engine: a domain XML for a guest on the bridge from a few choices (and the virt-install
// command for it), a position-keeping XML parser, and a checker for domain XML a reader wrote.

export { parseXml, childElements, attributeOf, textOf, MAX_XML_CHARACTERS, MAX_XML_DEPTH, type XmlParse, type XmlElement, type XmlAttribute, type XmlText, type XmlNode, type XmlPosition, type XmlProblem, type XmlProblemCode } from './parse-xml.ts';
export {
  generateDomainXml, interfaceXml, virtInstallCommand, validateDomainChoices, escapeXml,
  DEFAULT_DOMAIN_CHOICES, DISK_FORMATS, NIC_MODELS, DISPLAYS, MACHINES, CPU_MODES, MEMORY_MIB_RANGE, VCPU_RANGE,
  type DomainChoices, type DomainChoiceField, type DomainChoiceProblem, type DiskFormat, type NicModel, type Display, type Machine, type CpuMode,
} from './generate-domain.ts';
export {
  checkDomainXml, hasDomainErrors, schemaRejects, imageFormatOfHeader, imageFormatOfName,
  type DomainFinding, type DomainFindingMessage, type DomainFindingLayer, type DomainFindingSeverity, type CheckDomainOptions, type ValueShape,
} from './check-domain-xml.ts';
export {
  domainFindingWordings, domainChoiceWordings, xmlProblemWordings, valueShapeWordings,
  wordDomainFinding, wordDomainChoiceProblem, formatDomainFinding, type DomainFindingWording,
} from './libvirt-wordings.ts';
