export { ScanLineFramer, stripControl, type FramerEvent, type LineFramerOptions } from './line-framer';
export { classifyScan, redactScan, MAX_SCAN_LENGTH, type ScanResult, type ScanKind, type ClassifyOptions } from '../../../shared/scanner/classify';
export { parseEInvoice, yuanToFen, type EInvoice, type EInvoiceParse } from '../../../shared/scanner/e-invoice';
export { WedgeDetector, type WedgeOptions, type WedgeKey, type WedgeDecision } from '../../../shared/scanner/wedge-detector';
