export { EscPosBuilder, encodeGb18030, type Align } from './builder';
export { CMD } from './commands';
export { columnsFor, displayWidth, wrapText, twoColumn, formatFen, padEndDisplay, rule, type PaperWidth } from './layout';
export {
  parseStatusByte,
  combineStatus,
  statusReplyByte,
  isStatusByte,
  type PrinterStatus,
  type PrinterStatusReply,
  type StatusQuery,
} from './status';
export { renderAcceptanceReceipt, renderTestPage, type AcceptanceReceiptData } from './receipt';
export { EscPosDecoder, decodeEscPos, previewToText, toItems, type PreviewLine, type PreviewItem, type DecodeEvent } from './decode';
