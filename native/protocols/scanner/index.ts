export { ScanLineFramer, stripControl, type FramerEvent, type LineFramerOptions } from './line-framer';
export { classifyScan, redactScan, MAX_SCAN_LENGTH, type ScanResult, type ScanKind, type ClassifyOptions } from './classify';
export { parseEInvoice, yuanToFen, type EInvoice, type EInvoiceParse } from './e-invoice';
export { WedgeDetector, type WedgeOptions, type WedgeKey, type WedgeDecision } from './wedge-detector';
