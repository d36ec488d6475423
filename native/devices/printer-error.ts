/** Typed receipt-printer failures with the message shown to the clerk. */
export type PrinterErrorCode = 'paper-out' | 'offline' | 'cover-open' | 'timeout' | 'disconnected';

export const PRINTER_ERROR_MESSAGES: Record<PrinterErrorCode, string> = {
  'paper-out': '打印机缺纸，请装纸后重试',
  'cover-open': '打印机纸仓盖未关好，请合上后重试',
  offline: '打印机离线，请检查电源、纸张和连接',
  timeout: '打印机无响应，请检查电源和连接线',
  disconnected: '打印机连接已断开，请检查连接线',
};

export class PrinterError extends Error {
  constructor(
    readonly code: PrinterErrorCode,
    message = PRINTER_ERROR_MESSAGES[code],
  ) {
    super(message);
    this.name = 'PrinterError';
  }
}
