/** Reading policy and claim files from disk (the only part of the policy service that does I/O). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PolicyFileError, parsePolicy, type Policy } from './policy-schema';

/** The shipped sample policy, relative to the repository (or app resources) root. */
export const SAMPLE_POLICY_RELATIVE_PATH = 'resources/policy/demo-2026.json';

/** Where the sample policy lies; `resourcesRoot` defaults to the source tree's root. */
export function samplePolicyPath(resourcesRoot = path.resolve(__dirname, '../../..')): string {
  return path.join(resourcesRoot, SAMPLE_POLICY_RELATIVE_PATH);
}

/** Read, validate and compile a policy file. Throws PolicyFileError with Chinese messages. */
export function loadPolicyFile(file: string): Policy {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new PolicyFileError([`无法读取文件 ${file}（${(err as NodeJS.ErrnoException).code ?? (err as Error).message}）`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new PolicyFileError([`(整体): 不是有效的 JSON（${(err as Error).message}）`], `政策文件 ${file} `);
  }
  return parsePolicy(json, `政策文件 ${file} `);
}
