/** GA 467 居民身份证 reader protocol: frames, requests, status words, text block, nations, WLT plug-in. */
export * from './frame';
export * from './errors';
export * from './deframer';
export * from './commands';
export * from './status';
export * from './reply';
export * from './text-block';
export * from './nations';
export * from './wlt';
