/**
 * The doctors' catalogue (resources/catalogues/doctors.json): each hospital's 诊断医师 (医保医师编码 and name),
 * keyed by the hospital's 定点医疗机构编码. A hospital 医保办 desk offers its own hospital's list as the default
 * and the choices of the 特门 form's 诊断医师; a hall counter does not use it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export interface Doctor {
  code: string;
  name: string;
}

const DoctorFile = z.object({
  format: z.literal('counter-doctors/1'),
  hospitals: z.record(
    z.string().regex(/^[A-Z0-9]{1,30}$/),
    z.array(z.object({ code: z.string().regex(/^[A-Z0-9]{1,30}$/), name: z.string().trim().min(1).max(50) }).strict()).max(500),
  ),
});

export function doctorCataloguePath(resourcesRoot = path.resolve(__dirname, '../../..')): string {
  return path.join(resourcesRoot, 'resources', 'catalogues', 'doctors.json');
}

export class DoctorCatalogue {
  static load(file = doctorCataloguePath()): DoctorCatalogue {
    const parsed = DoctorFile.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`医师目录 ${file} 格式不正确：${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}`);
    return new DoctorCatalogue(parsed.data.hospitals);
  }

  constructor(private readonly byHospital: Readonly<Record<string, readonly Doctor[]>>) {}

  /** The hospital's doctors in the file's order (the first is the form's default); none when it has no list. */
  of(hospitalCode: string): Doctor[] {
    return [...(this.byHospital[hospitalCode] ?? [])];
  }
}
